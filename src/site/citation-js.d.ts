/** The part of citation-js (@citation-js/core, no types of its own) that src/site/citation.ts uses. */
declare module '@citation-js/core' {
  export class Cite {
    constructor(data: unknown);
    data: Record<string, unknown>[];
    format(format: string, options?: Record<string, unknown>): string | unknown;
  }
  export const plugins: { config: { get(name: string): unknown } };
}
declare module '@citation-js/plugin-ris';
declare module '@citation-js/plugin-bibtex';
