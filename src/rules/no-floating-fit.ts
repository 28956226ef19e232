import type { TSESLint } from '@typescript-eslint/utils';
import { enclosingFunction } from '../analysis/ast.js';
import { getAnalysis } from '../analysis/index.js';
import { createRule } from '../util/create-rule.js';
import { isInFile } from '../util/fixes.js';

type MessageIds = 'usedWhileTraining' | 'concurrentFit' | 'addAwait';

export default createRule<[], MessageIds>({
  name: 'no-floating-fit',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow a dropped `fit()` promise when the model is used after it or trained again in a loop',
      recommended: true,
    },
    hasSuggestions: true,
    schema: [],
    messages: {
      usedWhileTraining:
        '`{{method}}()` returns a promise that is dropped here, so training runs in the background: `{{use}}` on {{line}} uses the model before it is trained. {{remedy}}.',
      concurrentFit:
        "`{{method}}()` in a loop returns a promise that is dropped here: the next turn starts training while this one runs, and TF.js rejects it with 'Cannot start training because another fit() call is ongoing'. {{remedy}}.",
      addAwait: 'Await the `{{method}}()` call.',
    },
  },
  create(context) {
    return {
      'Program:exit'() {
        const analysis = getAnalysis(context);
        if (!analysis) return;
        const calls = analysis.trainingCalls();
        for (const call of calls.modelCalls()) {
          if (!calls.isFloating(call) || !isInFile(analysis.sourceCode, call.call)) continue;
          const loop = calls.inLoopOverSameModel(call);
          const use = loop ? undefined : calls.useAfter(call);
          if (!loop && !use) continue;
          const async = calls.inAsyncFunction(call);
          const remedy = async
            ? 'Await it'
            : enclosingFunction(call.call)
              ? 'Await it in an async function (this one is not, so no fix is offered), or continue in `.then()`'
              : 'Await it, or continue in `.then()` (no fix is offered at module level)';
          const method = call.method;
          const node = call.call;
          const suggest: TSESLint.SuggestionReportDescriptor<MessageIds>[] = async
            ? [{ messageId: 'addAwait', data: { method }, fix: (fixer) => fixer.insertTextBefore(node, 'await ') }]
            : [];
          if (loop || !use) {
            context.report({ node: node.callee, messageId: 'concurrentFit', data: { method, remedy }, suggest });
          } else {
            const text = analysis.sourceCode.getText(use.node);
            context.report({
              node: node.callee,
              messageId: 'usedWhileTraining',
              data: { method, use: use.method ? `${text}()` : text, line: analysis.where(use.node), remedy },
              suggest,
            });
          }
        }
      },
    };
  },
});
