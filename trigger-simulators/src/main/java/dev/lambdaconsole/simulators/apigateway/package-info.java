/**
 * The local API Gateway: HTTP APIs (apigatewayv2) and REST APIs (apigateway) on the shared endpoint, each API
 * served at {@code http://{api-id}.execute-api.localhost:{port}} (path-style fallback {@code /_aws/execute-api/{api-id}}),
 * requests turned into payload 2.0 / 1.0 events, responses mapped back, Lambda authorizers with result caching.
 * The event builders and response mapping are shared with Function URLs.
 */
package dev.lambdaconsole.simulators.apigateway;
