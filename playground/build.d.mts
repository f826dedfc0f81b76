/**
 * Bundles playground/src/main.ts and writes the self-contained page.
 *
 * @param options - `outdir`: where to write (default playground/dist)
 * @returns the path of the page written
 */
export function buildPlayground(options?: { readonly outdir?: string }): Promise<string>;
