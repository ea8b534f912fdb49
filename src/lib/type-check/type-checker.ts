import ts from 'typescript';
import { LEARNER_GLOBALS, LEARNER_GLOBALS_PATH } from './learner-globals.ts';

/** A TypeScript error in a learner file, placed where the editor can underline it. */
export interface TypeDiagnostic {
  file: string;
  /** 1-based line and column of the start, as editors count. */
  line: number;
  column: number;
  /** Character offsets into the file's text. */
  from: number;
  to: number;
  message: string;
}

/**
 * The standard library files learner code is checked against: the language (ES2023) and the
 * host globals of a worker, never the DOM (learner code never sees a document).
 */
export const ROOT_LIBRARIES = ['lib.es2023.d.ts', LEARNER_GLOBALS_PATH.slice(1)];

/** The compiler settings the labs are written for (the same erasable TypeScript Node runs). */
const COMPILER_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  lib: ROOT_LIBRARIES,
  strict: true,
  noEmit: true,
  allowImportingTsExtensions: true,
  verbatimModuleSyntax: true,
  skipLibCheck: true,
  types: [],
};

/**
 * Type-checks learner files against the lab's support code, in memory. `standardLibrary` holds the
 * TypeScript standard library (`/lib.es5.d.ts`…) and package typings (`/node_modules/jose/…`);
 * `labFiles` the lab's own files by path (`/lab/support/limits.ts`).
 */
export function createTypeChecker(standardLibrary: Record<string, string>) {
  const libraryFiles: Record<string, string> = {
    ...standardLibrary,
    [LEARNER_GLOBALS_PATH]: LEARNER_GLOBALS,
  };
  const files = new Map<string, { text: string; version: number }>();
  const readable = (path: string) => files.get(path)?.text ?? libraryFiles[path];

  const host: ts.LanguageServiceHost = {
    getCompilationSettings: () => COMPILER_OPTIONS,
    getScriptFileNames: () => [...files.keys()],
    getScriptVersion: (path) => String(files.get(path)?.version ?? 0),
    getScriptSnapshot: (path) => {
      const text = readable(path);
      return text === undefined ? undefined : ts.ScriptSnapshot.fromString(text);
    },
    getCurrentDirectory: () => '/',
    getDefaultLibFileName: () => '/lib.d.ts',
    fileExists: (path) => readable(path) !== undefined,
    readFile: (path) => readable(path),
    directoryExists: (path) =>
      [...files.keys(), ...Object.keys(libraryFiles)].some((file) =>
        file.startsWith(path.endsWith('/') ? path : `${path}/`),
      ),
    getDirectories: () => [],
  };
  const service = ts.createLanguageService(host, ts.createDocumentRegistry());

  return {
    /** Replaces the text of one file (learner or support); unchanged files are not re-read. */
    setFile(path: string, text: string): void {
      const current = files.get(path);
      if (current?.text !== text) files.set(path, { text, version: (current?.version ?? 0) + 1 });
    },

    /** Syntax and type errors of one file. */
    check(path: string): TypeDiagnostic[] {
      const diagnostics = [
        ...service.getSyntacticDiagnostics(path),
        ...service.getSemanticDiagnostics(path),
      ];
      const text = files.get(path)?.text ?? '';
      return diagnostics.map((diagnostic) => {
        const from = diagnostic.start ?? 0;
        const to = Math.min(text.length, from + Math.max(diagnostic.length ?? 1, 1));
        const position = ts.getLineAndCharacterOfPosition(
          ts.createSourceFile(path, text, ts.ScriptTarget.ES2022),
          from,
        );
        return {
          file: path,
          line: position.line + 1,
          column: position.character + 1,
          from,
          to,
          message: ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'),
        };
      });
    },
  };
}
