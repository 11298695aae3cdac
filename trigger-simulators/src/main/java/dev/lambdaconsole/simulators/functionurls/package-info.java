/**
 * Function URLs: Create/Get/Update/Delete/ListFunctionUrlConfigs on the shared endpoint and each URL served at
 * {@code http://{url-id}.lambda-url.{region}.localhost:{port}/} (path-style fallback {@code /_aws/lambda-url/{url-id}/}),
 * invoking the function with the payload 2.0 event, buffered or streamed, CORS answered as Lambda answers it.
 */
package dev.lambdaconsole.simulators.functionurls;
