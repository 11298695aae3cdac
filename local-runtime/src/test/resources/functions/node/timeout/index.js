// handler: index.handler
exports.handler = async (event) => {
  const seconds = event.seconds === undefined ? 10 : event.seconds;
  console.log(`sleeping ${seconds} seconds`);
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  return { slept: seconds };
};
