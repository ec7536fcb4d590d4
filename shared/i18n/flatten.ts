// Turns a nested message tree ({ email: { heading: '…' } }) into a catalogue of ids ('email.heading').

/** A nested message tree: texts, grouped. */
export interface MessageTree {
  readonly [key: string]: string | MessageTree;
}

/** Id → ICU text. */
export type Catalogue = Readonly<Record<string, string>>;

/** The dotted ids of a tree's texts, e.g. 'email.heading'. */
export type MessageId<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : MessageId<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/** The English text at an id, as a literal type (its arguments give the id's argument types). */
export type TextAt<T, Id extends string> = Id extends `${infer K}.${infer Rest}` ? (K extends keyof T ? TextAt<T[K], Rest> : never) : Id extends keyof T ? (T[Id] extends string ? T[Id] : never) : never;

/** The tree's texts by dotted id. */
export function flattenMessages(tree: MessageTree, prefix = ''): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') flat[`${prefix}${key}`] = value;
    else Object.assign(flat, flattenMessages(value, `${prefix}${key}.`));
  }
  return flat;
}

/**
 * Replaces the tree's texts in place with the catalogue's (English stays where one is missing).
 * In place, because components read `messages.x.y` from the module that holds the tree.
 */
export function applyCatalogue(tree: MessageTree, catalogue: Catalogue, prefix = ''): void {
  const writable = tree as Record<string, string | MessageTree>;
  for (const [key, value] of Object.entries(tree)) {
    const id = `${prefix}${key}`;
    if (typeof value === 'string') writable[key] = catalogue[id] ?? value;
    else applyCatalogue(value, catalogue, `${id}.`);
  }
}
