// handler: index.handler
exports.handler = async (event, context) => {
  console.log('hello from node', event.name || 'world');
  return { message: 'hello ' + (event.name || 'world') };
};
