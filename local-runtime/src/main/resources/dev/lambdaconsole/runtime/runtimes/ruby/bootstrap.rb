# frozen_string_literal: true

# Lambda Console - Ruby runtime interface client (Ruby 3.2+, standard library only).
#
# Started by the engine as `ruby <dir>/bootstrap.rb` with the working directory set to the
# function's code folder. Talks to the Runtime API at $AWS_LAMBDA_RUNTIME_API over one
# persistent HTTP/1.1 keep-alive connection with TCP_NODELAY.

require 'socket'
require 'json'

$stdout.sync = true
$stderr.sync = true

module LambdaConsoleRuntime
  API_PREFIX = '/2018-06-01/runtime'

  # Minimal HTTP/1.1 client over a single kept-alive TCP socket.
  class RuntimeApi
    def initialize(address)
      host, sep, port = address.rpartition(':')
      host, port = address, '80' if sep.empty?
      host = host[1..-2] if host.start_with?('[') && host.end_with?(']')
      @host = host.empty? ? '127.0.0.1' : host
      @port = port.to_i
      @address = address
      @sock = nil
    end

    def request(method, path, body = nil, headers = {})
      head = +"#{method} #{path} HTTP/1.1\r\nHost: #{@address}\r\n"
      headers.each { |k, v| head << "#{k}: #{v}\r\n" }
      head << "Content-Length: #{body.bytesize}\r\n" if body
      head << "\r\n"
      data = head.b
      data << body.b if body
      attempt = 0
      begin
        connect unless @sock
        @sock.write(data)
        read_response
      rescue IOError, SystemCallError
        close
        attempt += 1
        retry if attempt < 2
        raise
      end
    end

    def close
      @sock&.close
    rescue IOError, SystemCallError
      nil
    ensure
      @sock = nil
    end

    private

    def connect
      @sock = TCPSocket.new(@host, @port)
      @sock.setsockopt(Socket::IPPROTO_TCP, Socket::TCP_NODELAY, 1)
      @sock.binmode
    end

    def read_line
      line = @sock.gets("\r\n")
      raise EOFError, 'Runtime API closed the connection' if line.nil?

      line.chomp("\r\n")
    end

    def read_exact(n)
      data = @sock.read(n)
      raise EOFError, 'Runtime API closed the connection' if data.nil? || data.bytesize < n

      data
    end

    def read_response
      line = read_line
      line = read_line while line.empty?
      status = line.split(' ', 3)[1].to_i
      headers = {}
      loop do
        l = read_line
        break if l.empty?

        k, v = l.split(':', 2)
        headers[k.strip.downcase] = v.to_s.strip
      end
      body =
        if headers['transfer-encoding'].to_s.downcase.include?('chunked')
          out = +''.b
          loop do
            size = read_line.split(';', 2)[0].strip.to_i(16)
            if size.zero?
              loop { break if read_line.empty? }
              break
            end
            out << read_exact(size)
            read_line
          end
          out
        elsif headers.key?('content-length')
          n = headers['content-length'].to_i
          n.zero? ? +''.b : read_exact(n)
        elsif status == 204 || status == 304 || status < 200
          +''.b
        else
          headers['connection'] = 'close'
          @sock.read || +''.b
        end
      close if headers['connection'].to_s.downcase == 'close'
      [status, headers, body]
    end
  end

  class LambdaContext
    attr_reader :aws_request_id, :invoked_function_arn, :log_group_name, :log_stream_name,
                :function_name, :memory_limit_in_mb, :function_version, :identity,
                :client_context, :deadline_ms, :tenant_id

    def initialize(headers)
      @deadline_ms = headers['lambda-runtime-deadline-ms'].to_i
      @aws_request_id = headers['lambda-runtime-aws-request-id']
      @invoked_function_arn = headers['lambda-runtime-invoked-function-arn']
      @tenant_id = headers['lambda-runtime-aws-tenant-id']
      @log_group_name = ENV['AWS_LAMBDA_LOG_GROUP_NAME']
      @log_stream_name = ENV['AWS_LAMBDA_LOG_STREAM_NAME']
      @function_name = ENV['AWS_LAMBDA_FUNCTION_NAME']
      @memory_limit_in_mb = ENV['AWS_LAMBDA_FUNCTION_MEMORY_SIZE']
      @function_version = ENV['AWS_LAMBDA_FUNCTION_VERSION']
      @identity = parse_json(headers['lambda-runtime-cognito-identity'])
      @client_context = parse_json(headers['lambda-runtime-client-context'])
    end

    def get_remaining_time_in_millis
      now = Process.clock_gettime(Process::CLOCK_REALTIME, :millisecond)
      remaining = @deadline_ms - now
      remaining.positive? ? remaining : 0
    end

    private

    def parse_json(value)
      return nil if value.nil? || value.empty?

      JSON.parse(value.dup.force_encoding('UTF-8'))
    rescue JSON::ParserError
      nil
    end
  end

  # An error reported to the Runtime API: {errorMessage, errorType, stackTrace}.
  class ReportedError < StandardError
    attr_reader :error_type, :error_message, :stack_trace

    def initialize(error_type, message, stack_trace = [])
      super(message)
      @error_type = error_type
      @error_message = message
      @stack_trace = stack_trace
    end

    def self.from(exception, classification)
      new("#{classification}<#{exception.class}>", exception.message, Runtime.sanitize(exception.backtrace))
    end

    def to_lambda_response
      { errorMessage: @error_message, errorType: @error_type, stackTrace: @stack_trace }
    end
  end

  class Runtime
    ME = File.expand_path(__FILE__)

    def self.sanitize(backtrace)
      return [] unless backtrace

      backtrace.first(100).take_while { |line| !line.start_with?(ME) }
    end

    def initialize
      @task_root = ENV['LAMBDA_TASK_ROOT'] || Dir.pwd
      @api = RuntimeApi.new(ENV.fetch('AWS_LAMBDA_RUNTIME_API'))
      @handler_string = ENV['_HANDLER'].to_s
    end

    def run
      setup_paths
      begin
        load_handler
      rescue ReportedError => e
        report_init_error(e)
      rescue Exception => e # rubocop:disable Lint/RescueException
        report_init_error(ReportedError.from(e, 'Init'))
      end
      loop { handle_next }
    end

    private

    def setup_paths
      opt = ENV['LAMBDA_CONSOLE_OPT'] || '/opt'
      ruby_version = RbConfig::CONFIG['ruby_version']
      $LOAD_PATH.unshift(File.join(opt, 'ruby', 'lib')) unless $LOAD_PATH.include?(File.join(opt, 'ruby', 'lib'))
      $LOAD_PATH.unshift(@task_root) unless $LOAD_PATH.include?(@task_root)
      return unless defined?(Gem)

      gem_paths = [
        File.join(@task_root, 'vendor', 'bundle', 'ruby', ruby_version),
        File.join(opt, 'ruby', 'gems', ruby_version),
      ]
      existing = (ENV['GEM_PATH'] || '').split(File::PATH_SEPARATOR).reject(&:empty?)
      existing = Gem.default_path if existing.empty?
      ENV['GEM_PATH'] = (gem_paths + existing).uniq.join(File::PATH_SEPARATOR)
      Gem.clear_paths
    end

    def load_handler
      parts = @handler_string.split('.')
      case parts.size
      when 2 then @file, @method_name = parts
      when 3 then @file, @class_name, @method_name = parts
      else
        raise ReportedError.new('Runtime.MalformedHandlerName',
                                "Invalid handler #{parts}, must be of form FILENAME.METHOD or " \
                                'FILENAME.CLASS.METHOD where FILENAME corresponds with an existing Ruby source file ' \
                                'FILENAME.rb, CLASS is an optional module/class namespace and METHOD is a callable ' \
                                'method. If using CLASS, METHOD must be a class-level method.')
      end
      if @file.empty? || @method_name.empty?
        raise ReportedError.new('Runtime.MalformedHandlerName', "Bad handler '#{@handler_string}'")
      end

      begin
        local = File.expand_path(@file, @task_root)
        if File.file?("#{local}.rb") || File.file?(local)
          require local
        else
          require @file
        end
      rescue LoadError => e
        raise ReportedError.new('Runtime.ImportModuleError',
                                "Unable to load handler file '#{@file}': #{e.message}", Runtime.sanitize(e.backtrace))
      rescue SyntaxError => e
        raise ReportedError.new('Runtime.UserCodeSyntaxError',
                                "Syntax error in handler file '#{@file}': #{e.message}", Runtime.sanitize(e.backtrace))
      end

      if @class_name
        begin
          @target = Kernel.const_get(@class_name)
        rescue NameError => e
          raise ReportedError.new('Runtime.HandlerNotFound',
                                  "Handler '#{@method_name}' missing on '#{@class_name}': #{e.message}")
        end
        unless @target.respond_to?(@method_name)
          raise ReportedError.new('Runtime.HandlerNotFound', "Handler '#{@method_name}' missing on '#{@class_name}'")
        end
      else
        @target = TOPLEVEL_BINDING.receiver
        unless @target.respond_to?(@method_name, true)
          raise ReportedError.new('Runtime.HandlerNotFound', "Handler '#{@method_name}' missing on file '#{@file}'")
        end
      end
    end

    def flush_output
      $stdout.flush
      $stderr.flush
    rescue StandardError
      nil
    end

    def log_error(title, error)
      $stdout.puts(title)
      $stdout.puts(JSON.pretty_generate(error.to_lambda_response))
    rescue StandardError
      nil
    end

    def post_error(path, error)
      flush_output
      body = begin
        JSON.generate(error.to_lambda_response)
      rescue StandardError
        JSON.generate({ errorMessage: error.error_message.to_s.scrub, errorType: error.error_type, stackTrace: [] })
      end
      @api.request('POST', path, body, {
                     'Content-Type' => 'application/json',
                     'Lambda-Runtime-Function-Error-Type' => error.error_type
                   })
    end

    def report_init_error(error)
      log_error("Init error when loading handler #{@handler_string}", error)
      post_error("#{API_PREFIX}/init/error", error)
      exit!(1)
    end

    def handle_next
      status, headers, body = @api.request('GET', "#{API_PREFIX}/invocation/next")
      unless status == 200
        warn "Runtime API /next returned #{status}: #{body}"
        exit!(1)
      end
      request_id = headers['lambda-runtime-aws-request-id'].to_s
      if headers['lambda-runtime-trace-id']
        ENV['_X_AMZN_TRACE_ID'] = headers['lambda-runtime-trace-id']
      else
        ENV.delete('_X_AMZN_TRACE_ID')
      end
      base = "#{API_PREFIX}/invocation/#{request_id}"
      fatal = nil
      begin
        context = LambdaContext.new(headers)
        content_type = headers['content-type'].to_s.split(';').first.to_s.strip
        event = if content_type.empty? || content_type == 'application/json'
                  JSON.parse(body.force_encoding('UTF-8'))
                else
                  body
                end
        response = if @class_name
                     @target.public_send(@method_name, event: event, context: context)
                   else
                     @target.__send__(@method_name, event: event, context: context)
                   end
        payload = begin
          response.to_json
        rescue StandardError => e
          raise ReportedError.new('Runtime.MarshalError', "Unable to marshal response: #{e.message}")
        end
      rescue ReportedError => e
        error = e
      rescue StandardError => e
        error = ReportedError.from(e, 'Function')
      rescue Exception => e # rubocop:disable Lint/RescueException
        error = ReportedError.from(e, 'Function')
        fatal = e
      end
      if error
        log_error('Error raised from handler method', error)
        post_error("#{base}/error", error)
        exit!(fatal.is_a?(SystemExit) ? fatal.status : 1) if fatal
      else
        flush_output
        @api.request('POST', "#{base}/response", payload, { 'Content-Type' => 'application/json' })
      end
    end
  end
end

LambdaConsoleRuntime::Runtime.new.run
