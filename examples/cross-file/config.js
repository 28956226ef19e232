// expect: nothing
export const NUM_CLASSES = 4;
export const LOSS = 'binaryCrossentropy';
