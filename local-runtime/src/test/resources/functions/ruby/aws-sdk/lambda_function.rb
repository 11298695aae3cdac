require 'aws-sdk-s3'

# Debian's aws-sdk gems in the local Ruby image read AWS_ENDPOINT_URL like the Python and JavaScript SDKs.
# The client is made at init, as Lambda recommends (it loads much of the S3 model).
S3 = Aws::S3::Client.new

def lambda_handler(event:, context:)
  { 'endpoint' => S3.config.endpoint.to_s, 'region' => S3.config.region, 'core' => Aws::CORE_GEM_VERSION }
end
