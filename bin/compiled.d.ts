/** See compiled.js. */
export declare const ROOT: string;
export declare const SERVER_SOURCES: readonly string[];
export declare function compiledEntry(file: string, sources?: readonly string[], root?: string): string | null;
export declare function newestChange(entry: string, options?: { counts?: (name: string) => boolean; folderTimes?: boolean }): number;
