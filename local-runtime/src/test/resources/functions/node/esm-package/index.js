// handler: index.handler
// ES module because ./package.json has "type": "module".
export async function handler(event) {
  console.log('hello from esm package');
  return { message: 'hello from esm package', isModule: typeof require === 'undefined' };
}
