import { startStaticServer } from './scripts/bench/static-server.ts';
startStaticServer({ root: process.argv[2], port: Number(process.argv[3]), gzip: false });
