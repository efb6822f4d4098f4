/** A page's query string as Next.js passes it: a key given twice arrives as an array. */
export type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The first value of a query parameter; undefined when it is missing or empty. */
export const firstParam = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value) || undefined;
