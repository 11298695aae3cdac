# handler: lambda_function.lambda_handler
def lambda_handler(event:, context:)
  puts 'hello from ruby'
  { message: "hello #{event.fetch('name', 'world')}" }
end
