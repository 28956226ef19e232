// expect: tfjs/no-binary-crossentropy-multiclass
// The model comes from model.js and the loss from config.js.
import { LOSS } from './config.js';
import { createModel } from './model.js';

export async function train(xs, ys) {
  const model = createModel();
  model.compile({ optimizer: 'adam', loss: LOSS, metrics: ['accuracy'] });
  return model.fit(xs, ys, { epochs: 10 });
}
