package dev.lambdaconsole.app.create;

import dev.lambdaconsole.runtime.model.LambdaRuntime.Family;

import java.util.List;
import java.util.Map;

/** The blueprints of the Create function wizard. */
public final class Blueprints {
    private Blueprints() { }

    public static final Blueprint HELLO_WORLD = new Blueprint("hello-world", "Hello world",
            "Returns a greeting; the code a new function starts with.", Map.of(
            Family.PYTHON, new Blueprint.Code("lambda_function.lambda_handler", Map.of("lambda_function.py", """
                    import json


                    def lambda_handler(event, context):
                        print("Received event: " + json.dumps(event))
                        return {"statusCode": 200, "body": json.dumps("Hello from Lambda!")}
                    """)),
            Family.NODE, new Blueprint.Code("index.handler", Map.of("index.mjs", """
                    export const handler = async (event) => {
                      console.log('Received event:', JSON.stringify(event));
                      return { statusCode: 200, body: JSON.stringify('Hello from Lambda!') };
                    };
                    """)),
            Family.RUBY, new Blueprint.Code("lambda_function.lambda_handler", Map.of("lambda_function.rb", """
                    require 'json'

                    def lambda_handler(event:, context:)
                      puts "Received event: #{event.to_json}"
                      { statusCode: 200, body: JSON.generate('Hello from Lambda!') }
                    end
                    """)),
            Family.PROVIDED, new Blueprint.Code("function.handler", Map.of("bootstrap", """
                    #!/bin/sh
                    # A custom runtime: ask the Runtime API for an event, answer it, repeat.
                    set -eu
                    api="http://${AWS_LAMBDA_RUNTIME_API}/2018-06-01/runtime"
                    while true; do
                      headers=$(mktemp)
                      event=$(curl -sS -D "$headers" "$api/invocation/next")
                      id=$(grep -i '^Lambda-Runtime-Aws-Request-Id:' "$headers" | cut -d' ' -f2 | tr -d '\\r')
                      rm -f "$headers"
                      echo "Received event: $event"
                      curl -sS -X POST "$api/invocation/$id/response" -d '{"statusCode":200,"body":"\\"Hello from Lambda!\\""}' >/dev/null
                    done
                    """))));

    public static final Blueprint S3_PROCESSOR = new Blueprint("s3-object-processor", "Process S3 objects",
            "Logs the bucket and key of every object in an S3 notification.", Map.of(
            Family.PYTHON, new Blueprint.Code("lambda_function.lambda_handler", Map.of("lambda_function.py", """
                    import urllib.parse


                    def lambda_handler(event, context):
                        processed = []
                        for record in event.get("Records", []):
                            bucket = record["s3"]["bucket"]["name"]
                            key = urllib.parse.unquote_plus(record["s3"]["object"]["key"])
                            print(f"{record['eventName']}: s3://{bucket}/{key}")
                            processed.append(f"{bucket}/{key}")
                        return {"processed": processed}
                    """)),
            Family.NODE, new Blueprint.Code("index.handler", Map.of("index.mjs", """
                    export const handler = async (event) => {
                      const processed = (event.Records ?? []).map((r) => {
                        const key = decodeURIComponent(r.s3.object.key.replace(/\\+/g, ' '));
                        console.log(`${r.eventName}: s3://${r.s3.bucket.name}/${key}`);
                        return `${r.s3.bucket.name}/${key}`;
                      });
                      return { processed };
                    };
                    """))));

    public static final Blueprint API_BACKEND = new Blueprint("api-gateway-backend", "API Gateway backend",
            "Answers an API Gateway proxy request with a JSON response.", Map.of(
            Family.PYTHON, new Blueprint.Code("lambda_function.lambda_handler", Map.of("lambda_function.py", """
                    import json


                    def lambda_handler(event, context):
                        method = event.get("httpMethod") or event.get("requestContext", {}).get("http", {}).get("method")
                        path = event.get("path") or event.get("rawPath")
                        body = {"message": f"{method} {path}", "query": event.get("queryStringParameters")}
                        return {"statusCode": 200, "headers": {"Content-Type": "application/json"}, "body": json.dumps(body)}
                    """)),
            Family.NODE, new Blueprint.Code("index.handler", Map.of("index.mjs", """
                    export const handler = async (event) => {
                      const method = event.httpMethod ?? event.requestContext?.http?.method;
                      const path = event.path ?? event.rawPath;
                      return {
                        statusCode: 200,
                        headers: { 'Content-Type': 'application/json' },
                        body: JSON.stringify({ message: `${method} ${path}`, query: event.queryStringParameters ?? null }),
                      };
                    };
                    """))));

    public static final Blueprint SQS_BATCH = new Blueprint("sqs-batch-partial-failures", "SQS batch with partial failures",
            "Processes an SQS batch and reports the messages that failed, so only those are retried.", Map.of(
            Family.PYTHON, new Blueprint.Code("lambda_function.lambda_handler", Map.of("lambda_function.py", """
                    import json


                    def lambda_handler(event, context):
                        failures = []
                        for message in event.get("Records", []):
                            try:
                                order = json.loads(message["body"])
                                print(f"processed order {order['id']}")
                            except Exception as e:
                                print(f"failed {message['messageId']}: {e}")
                                failures.append({"itemIdentifier": message["messageId"]})
                        return {"batchItemFailures": failures}
                    """)),
            Family.NODE, new Blueprint.Code("index.handler", Map.of("index.mjs", """
                    export const handler = async (event) => {
                      const batchItemFailures = [];
                      for (const message of event.Records ?? []) {
                        try {
                          const order = JSON.parse(message.body);
                          console.log(`processed order ${order.id}`);
                        } catch (e) {
                          console.log(`failed ${message.messageId}: ${e.message}`);
                          batchItemFailures.push({ itemIdentifier: message.messageId });
                        }
                      }
                      return { batchItemFailures };
                    };
                    """))));

    public static final Blueprint SCHEDULED_JOB = new Blueprint("scheduled-job", "Scheduled job",
            "Runs on an EventBridge schedule and logs when it ran.", Map.of(
            Family.PYTHON, new Blueprint.Code("lambda_function.lambda_handler", Map.of("lambda_function.py", """
                    def lambda_handler(event, context):
                        print(f"scheduled run at {event.get('time')} from {event.get('resources')}")
                        return {"ranAt": event.get("time")}
                    """)),
            Family.NODE, new Blueprint.Code("index.handler", Map.of("index.mjs", """
                    export const handler = async (event) => {
                      console.log(`scheduled run at ${event.time} from ${JSON.stringify(event.resources)}`);
                      return { ranAt: event.time };
                    };
                    """))));

    /** Java source, compiled when the function is created and on every Deploy (see app.code.JavaBuild). */
    public static final Blueprint HELLO_WORLD_JAVA = new Blueprint("hello-world-java", "Hello world (Java)",
            "Returns a greeting from a Java RequestHandler; the source is compiled on deploy.", Map.of(
            Family.JAVA, new Blueprint.Code("example.Handler::handleRequest", Map.of(
                    "src/main/java/example/Handler.java", """
                    package example;

                    import com.amazonaws.services.lambda.runtime.Context;
                    import com.amazonaws.services.lambda.runtime.RequestHandler;

                    import java.util.LinkedHashMap;
                    import java.util.Map;

                    public class Handler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
                        @Override
                        public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
                            context.getLogger().log("Received event: " + event);
                            Map<String, Object> response = new LinkedHashMap<>();
                            response.put("statusCode", 200);
                            response.put("body", "\\"Hello from Lambda!\\"");
                            return response;
                        }
                    }
                    """))));

    /** C# source to build with the .NET SDK and upload: .NET functions deploy compiled assemblies. */
    public static final Blueprint HELLO_WORLD_DOTNET = new Blueprint("hello-world-dotnet", "Hello world (.NET 8)",
            "Returns a greeting from a C# handler; build it with dotnet publish and upload the .zip (README.md). "
                    + "Runs on the official image public.ecr.aws/lambda/dotnet:8 only.", Map.of(
            Family.DOTNET, new Blueprint.Code("HelloWorld::HelloWorld.Function::FunctionHandler", Map.of(
                    "Function.cs", """
                    using System.Collections.Generic;
                    using System.Text.Json;
                    using Amazon.Lambda.Core;

                    [assembly: LambdaSerializer(typeof(Amazon.Lambda.Serialization.SystemTextJson.DefaultLambdaJsonSerializer))]

                    namespace HelloWorld;

                    public class Function
                    {
                        public Dictionary<string, object> FunctionHandler(Dictionary<string, object> input, ILambdaContext context)
                        {
                            context.Logger.LogInformation("Received event: " + JsonSerializer.Serialize(input));
                            return new Dictionary<string, object> { ["statusCode"] = 200, ["body"] = "\\"Hello from Lambda!\\"" };
                        }
                    }
                    """,
                    "HelloWorld.csproj", """
                    <Project Sdk="Microsoft.NET.Sdk">
                      <PropertyGroup>
                        <TargetFramework>net8.0</TargetFramework>
                        <AssemblyName>HelloWorld</AssemblyName>
                        <GenerateRuntimeConfigurationFiles>true</GenerateRuntimeConfigurationFiles>
                        <AWSProjectType>Lambda</AWSProjectType>
                        <Nullable>enable</Nullable>
                      </PropertyGroup>
                      <ItemGroup>
                        <PackageReference Include="Amazon.Lambda.Core" Version="2.5.0" />
                        <PackageReference Include="Amazon.Lambda.Serialization.SystemTextJson" Version="2.4.4" />
                      </ItemGroup>
                    </Project>
                    """,
                    "README.md", """
                    # Hello world (.NET 8)

                    .NET functions deploy compiled assemblies, as in Lambda: build this project with the .NET 8 SDK
                    and upload the result (Code tab, Upload .zip):

                        dotnet publish -c Release -r linux-x64 --self-contained false -o publish
                        (cd publish && zip -r ../function.zip .)

                    The function runs on the Docker backend with the official image public.ecr.aws/lambda/dotnet:8,
                    which must be in the Docker engine (docker pull public.ecr.aws/lambda/dotnet:8); no local image
                    stands in for it.
                    """))));

    public static List<Blueprint> all() {
        return List.of(HELLO_WORLD, S3_PROCESSOR, API_BACKEND, SQS_BATCH, SCHEDULED_JOB, HELLO_WORLD_JAVA,
                HELLO_WORLD_DOTNET);
    }

    /** The code a function written from scratch starts with: Hello world in its language. */
    public static Blueprint starter(dev.lambdaconsole.runtime.model.LambdaRuntime runtime) {
        if (HELLO_WORLD.supports(runtime)) return HELLO_WORLD;
        return HELLO_WORLD_DOTNET.supports(runtime) ? HELLO_WORLD_DOTNET : HELLO_WORLD_JAVA;
    }
}
