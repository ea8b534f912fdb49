import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
const [, , ...urls] = process.argv;
for (let run = 0; run < 3; run++)
  for (const url of urls) {
    const chrome = await chromeLauncher.launch({ chromePath: '/usr/bin/chromium', chromeFlags: ['--headless=new','--no-sandbox','--disable-gpu','--disable-background-networking','--disable-component-update'] });
    const r = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] });
    chrome.kill();
    const a = r!.lhr.audits;
    console.log(url.padEnd(45), Math.round(r!.lhr.categories.performance.score! * 100), 'FCP', Math.round(a['first-contentful-paint'].numericValue!), 'LCP', Math.round(a['largest-contentful-paint'].numericValue!), 'TBT', Math.round(a['total-blocking-time'].numericValue!));
  }
