// handler: index.handler
// This file intentionally contains a syntax error.
exports.handler = async (event) => {
  return { never: 'reached' ;
};
