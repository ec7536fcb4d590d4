// Reads an ICU message's arguments at the type level, so a call that leaves one out is a type error.

type Blank = ' ' | '\n' | '\t';
type Trim<S extends string> = S extends `${Blank}${infer R}` ? Trim<R> : S extends `${infer R}${Blank}` ? Trim<R> : S;
/** An argument name: no blanks, no `#` (a plural's number) and not empty. */
type Name<S extends string> = S extends '' ? never : S extends `${string}${Blank | '#' | "'" | '"'}${string}` ? never : S;

/** `{name}` → ['name', 'plain']; `{n, plural, …}` → ['n', 'plural']. */
type Argument<Head extends string> = Head extends `${infer N},${infer Kind},${string}`
  ? [Name<Trim<N>>, Trim<Kind>]
  : Head extends `${infer N},${infer Kind}`
    ? [Name<Trim<N>>, Trim<Kind>]
    : [Name<Trim<Head>>, 'plain'];

/** Every `[name, kind]` pair in a message, nested sub-messages included (tail-recursive for long texts). */
type Arguments<S extends string, Found = never> = S extends `${string}{${infer Body}}${infer Rest}`
  ? Body extends `${infer Head}{${infer Inner}`
    ? // `{n, plural, one {…` opens an argument, and its first option's text (`{none}`) is no argument; `{Saved {email}…` is a sub-message's text.
      Head extends `${string},${string}`
      ? Arguments<`${Inner}}${Rest}`, Found | (Argument<Head> extends [never, string] ? never : Argument<Head>)>
      : Arguments<`{${Inner}}${Rest}`, Found>
    : Arguments<Rest, Found | (Argument<Body> extends [never, string] ? never : Argument<Body>)>
  : Found;

type ValueOf<Kind> = Kind extends 'plural' | 'selectordinal' | 'number' ? number : Kind extends 'date' | 'time' ? Date | number : Kind extends 'select' ? string : string | number;

/** The values an ICU message needs: `{ name: string | number, count: number, … }`. */
export type IcuArgs<S extends string> = { [P in Arguments<S> as P extends [infer N extends string, unknown] ? N : never]: ValueOf<P extends [string, infer K] ? K : never> };

/** Values for a template: exact where its text is known, any where it is only `string`. */
export type MessageValues<S extends string> = string extends S ? Record<string, string | number> : IcuArgs<S> & Record<string, string | number | Date>;

/** The rest parameters of a formatting call: no values for a text without arguments. */
export type ValuesParam<S extends string> = string extends S ? [values?: Record<string, string | number>] : keyof IcuArgs<S> extends never ? [values?: Record<string, never>] : [values: MessageValues<S>];
