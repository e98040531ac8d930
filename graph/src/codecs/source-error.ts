// The error a file source raises (unreadable, binary, wrong encoding, read
// twice). Its own module, free of node:fs, so that pure code the web bundle
// imports (encoding.ts via the GEXF/GraphML writers) does not pull in source.ts.
export class SourceError extends Error {}
