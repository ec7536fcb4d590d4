// ESLint rule for the code that writes text for a person outside React (the CLI's output, failure texts):
// a string with words in it belongs in a catalogue, said through say()/text() by id.

/** Two words in a row: a sentence or a label, not a flag, an id, a format or a host name. */
const words = /[A-Za-z]{2,}[,;:.!?’']*\s+[A-Za-z]{2,}/;

/** Literals that are not shown as they are: imports, errors for a one-line usage message, types, object keys. */
function exempt(node) {
  for (let at = node.parent; at; at = at.parent) {
    if (['ImportDeclaration', 'ExportNamedDeclaration', 'ExportAllDeclaration', 'ImportExpression', 'NewExpression', 'ThrowStatement', 'TSLiteralType'].includes(at.type)) return true;
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
      if (typeof text === 'string' && words.test(text) && !exempt(node)) context.report({ node, messageId: 'literal' });
    };
    return {
      Literal: (node) => check(node, node.value),
      TemplateElement: (node) => check(node, node.value.cooked),
    };
  },
};
