/** The value parsers, in one import for callers that need several. Each lives in its own folder. */
export * from "./number";
export * from "./target";
export * from "./deadline";
export * from "./text";
