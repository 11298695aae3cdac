# handler: lambda_function.lambda_handler
class ValidationError < StandardError; end

def lambda_handler(event:, context:)
  puts 'about to fail'
  raise ValidationError, 'bad input'
end
