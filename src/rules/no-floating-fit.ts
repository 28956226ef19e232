import type { TSESLint } from '@typescript-eslint/utils';
import { enclosingFunction } from '../analysis/ast.js';
import { getAnalysis, type LaterUse } from '../analysis/index.js';
import { createRule } from '../util/create-rule.js';
import { isInFile } from '../util/fixes.js';

type MessageIds = 'usedWhileTraining' | 'usedAfterHelper' | 'concurrentFit' | 'addAwait';

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
        '`{{call}}` {{dropped}}, so training runs in the background: `{{use}}` on {{line}} uses the model before it is trained. {{remedy}}.',
      usedAfterHelper:
        '`{{call}}` {{dropped}}, so `{{helper}}()` is done before training is: `{{use}}` on {{line}}, after the call of `{{helper}}()` on {{viaLine}}, uses the untrained model. {{remedy}}.',
      concurrentFit:
        "`{{call}}` {{dropped}} in a loop: the next turn starts training while this one runs, and TF.js rejects it with 'Cannot start training because another fit() call is ongoing'. {{remedy}}.",
      addAwait: 'Await the `{{what}}`.',
    },
  },
  create(context) {
    return {
      'Program:exit'() {
        const analysis = getAnalysis(context);
        if (!analysis) return;
        const calls = analysis.trainingCalls();
        for (const call of calls.modelCalls()) {
          const floating = calls.floating(call);
          if (!floating || !isInFile(analysis.sourceCode, call.call)) continue;
          const loop = calls.inLoopOverSameModel(call);
          const use = loop ? undefined : calls.useAfter(call);
          const helper = loop || use ? undefined : calls.useAfterHelper(call);
          if (!loop && !use && !helper) continue;
          const method = call.method;
          const chain = floating.chain.map((m) => `.${m}()`).join('');
          const what = chain ? `\`${method}()${chain}\` chain` : `\`${method}()\` call`;
          const callText = `${method}()${chain}`;
          const dropped = chain ? 'is neither awaited nor returned here' : 'returns a promise that is dropped here';
          const async = calls.inAsyncFunction(call);
          // In a loop only awaiting helps; otherwise the use may also move into a callback.
          const instead = loop ? '' : chain ? ', or use the model inside the callback' : ', or continue in `.then()`';
          const remedy = async
            ? 'Await it'
            : enclosingFunction(call.call)
              ? `Await it in an async function (this one is not, so no fix is offered)${instead}`
              : `Await it${instead} (no fix is offered at module level)`;
          const node = call.call;
          const suggest: TSESLint.SuggestionReportDescriptor<MessageIds>[] = async
            ? [{ messageId: 'addAwait', data: { what }, fix: (fixer) => fixer.insertTextBefore(node, 'await ') }]
            : [];
          const useText = (u: LaterUse) => {
            const text = analysis.sourceCode.getText(u.node);
            return u.method ? `${text}()` : text;
          };
          if (loop) {
            context.report({
              node: node.callee,
              messageId: 'concurrentFit',
              data: { call: callText, dropped, remedy },
              suggest,
            });
          } else if (use) {
            context.report({
              node: node.callee,
              messageId: 'usedWhileTraining',
              data: { call: callText, dropped, use: useText(use), line: analysis.where(use.node), remedy },
              suggest,
            });
          } else if (helper) {
            context.report({
              node: node.callee,
              messageId: 'usedAfterHelper',
              data: {
                call: callText,
                dropped,
                helper: helper.helper,
                use: useText(helper.use),
                line: analysis.where(helper.use.node),
                viaLine: analysis.where(helper.via),
                remedy,
              },
              suggest,
            });
          }
        }
      },
    };
  },
});
