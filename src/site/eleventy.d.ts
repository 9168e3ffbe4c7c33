/** The small part of Eleventy's programmatic API that src/build/render.ts uses (Eleventy ships no types). */
declare module '@11ty/eleventy' {
  interface EleventyOptions {
    quietMode?: boolean;
    configPath?: string | false;
    config?: (eleventyConfig: unknown) => unknown;
    runMode?: 'build' | 'serve' | 'watch';
  }
  export default class Eleventy {
    constructor(input?: string, output?: string, options?: EleventyOptions);
    write(): Promise<unknown>;
  }
}
