// ESLint rule for the code that writes text for a person outside React (the CLI's output, failure texts):
// a string with words in it belongs in a catalogue, said through say()/text() by id.

/** Two words in a row: a sentence or a label, not a flag, an id, a format or a host name. */
const words = /[A-Za-z]{2,}[,;:.!?’']*\s+[A-Za-z]{2,}/;

/** A command line quoted in a text (`mail-setup accounts set-password`): commands are the same in every language. */
const commandLine = /mail-setup(?: [a-z][a-z-]*)*/g;

/** Errors whose message a person reads as it is: the CLI prints a UsageError's on stderr. */
const shownErrors = new Set(['UsageError']);

/** `io.stderr.write(…)`, `process.stderr.write(…)`: what is written there is read by a person. */
function isStderrWrite(node) {
  const callee = node.callee;
  return callee?.type === 'MemberExpression' && callee.property?.name === 'write' && callee.object?.type === 'MemberExpression' && callee.object.property?.name === 'stderr';
}

/**
 * Literals that are not shown as they are: imports, errors for a one-line usage message, types, object keys.
 * Not exempt: the message of an error a person reads (`new UsageError('…')`) and anything written to stderr.
 */
function exempt(node) {
  for (let child = node, at = node.parent; at; child = at, at = at.parent) {
    // `export … from './x.ts'` names a module; an exported function's body is checked like any other.
    if (at.type === 'ExportNamedDeclaration' || at.type === 'ExportAllDeclaration') return at.source === child;
    // say('usage.x', { flag: '--only outgoing' }): an id and the values of its arguments.
    if (at.type === 'CallExpression' && at.callee?.name === 'say') return true;
    if (at.type === 'NewExpression' && shownErrors.has(at.callee?.name)) return false;
    if (at.type === 'CallExpression' && isStderrWrite(at)) return false;
    if (['ImportDeclaration', 'ImportExpression', 'NewExpression', 'ThrowStatement', 'TSLiteralType'].includes(at.type)) return true;
    if (at.type === 'Property' && at.key === node) return true;
  }
  return false;
}

export const noEnglishLiteral = {
  meta: {
    type: 'problem',
    docs: { description: 'Text for a person comes from the message catalogue, not a string literal.' },
    messages: { literal: 'Text for a person belongs in a catalogue (shared/messages/*.ts), said by its id in the chosen language.' },
    schema: [],
  },
  create(context) {
    const check = (node, text) => {
      if (typeof text === 'string' && words.test(text.replace(commandLine, '')) && !exempt(node)) context.report({ node, messageId: 'literal' });
    };
    return {
      Literal: (node) => check(node, node.value),
      TemplateElement: (node) => check(node, node.value.cooked),
    };
  },
};
