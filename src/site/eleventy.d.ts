/** The small part of Eleventy's API the site uses (Eleventy ships no types). */
declare module '@11ty/eleventy' {
  /** The configuration API, as a config callback receives it (.eleventy.ts configure()). */
  interface UserConfig {
    addExtension(ext: string[], options: { key: string }): void;
    setTemplateFormats(formats: string[]): void;
    setInputDirectory(dir: string): void;
    setIncludesDirectory(dir: string): void;
    setDataDirectory(dir: string): void;
    addDataExtension(ext: string, options: { parser: (path: string) => unknown; read: false }): void;
    addGlobalData(name: string, value: unknown): void;
    addCollection(name: string, fn: () => unknown): void;
    addTransform(name: string, fn: (content: string) => string): void;
    addPassthroughCopy(paths: Record<string, string>): void;
    ignores: { add(glob: string): void };
  }
  /** The programmatic API's options (src/build/render.ts, src/bench/stage.ts). */
  interface EleventyOptions {
    quietMode?: boolean;
    /** A config file to load; false: none, the `config` callback alone configures the run. */
    configPath?: string | false;
    /** Called with the run's configuration API before any config file (its return value is not used). */
    config?: (eleventyConfig: UserConfig) => void | Promise<void>;
    runMode?: 'build' | 'serve' | 'watch';
  }
  export default class Eleventy {
    constructor(input?: string, output?: string, options?: EleventyOptions);
    write(): Promise<unknown>;
  }
}
