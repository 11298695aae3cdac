// handler: index.handler
// Callback-style handler: the response is sent once the event loop is empty
// (context.callbackWaitsForEmptyEventLoop defaults to true).
exports.handler = (event, context, callback) => {
  console.log('callback handler invoked');
  if (event.wait === false) {
    context.callbackWaitsForEmptyEventLoop = false;
  }
  setTimeout(() => console.log('timer fired after callback'), 50);
  if (event.fail) {
    callback(new Error('callback failure'));
    return;
  }
  callback(null, { message: 'hello from callback', waited: context.callbackWaitsForEmptyEventLoop });
};
