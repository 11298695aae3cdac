/**
 * One event-pattern engine for EventBridge rules ({@code TestEventPattern}, later PutRule), SNS subscription
 * filter policies and Lambda event source mapping FilterCriteria: {@link dev.lambdaconsole.simulators.patterns.EventPattern}
 * compiles a pattern in a {@link dev.lambdaconsole.simulators.patterns.Dialect} and matches JSON documents, with
 * {@code explain} saying which field and condition failed; {@link dev.lambdaconsole.simulators.patterns.SnsFilterPolicy}
 * adds SNS's scopes, attribute types and limits.
 *
 * <p>Behaviour follows the AWS guides and what AWS was observed to do: numbers compare by value (300 = 300.0),
 * event arrays match on any element (a nested pattern needs one element matching all of it), {@code exists} looks
 * at leaves only, anything-but never matches a missing field but does match null, a dotted key {@code "a.b"}
 * reaches nested fields in EventBridge. Choices where AWS is unconfirmed: Lambda filters refuse wildcard and cidr
 * and take dotted keys literally; SNS counts keys per {@code $or} branch and sums the branches' combinations; an
 * empty pattern {@code {}} matches everything.
 */
package dev.lambdaconsole.simulators.patterns;
