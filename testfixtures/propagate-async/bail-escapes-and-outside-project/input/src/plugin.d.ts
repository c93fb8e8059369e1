export interface Plugin {
  load(name: string): string;
}
export declare function register(loader: (name: string) => string): void;
