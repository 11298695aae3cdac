// handler: index.handler
class ValidationError extends Error {
  constructor(message) {
    super(message);
    this.name = 'ValidationError';
  }
}

exports.handler = async () => {
  console.log('about to fail');
  throw new ValidationError('bad input');
};
