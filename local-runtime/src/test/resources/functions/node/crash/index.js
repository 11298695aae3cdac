// handler: index.handler
exports.handler = async () => {
  console.log('crashing with exit code 3');
  process.exit(3);
};
