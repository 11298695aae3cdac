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
            "Reads each object of an S3 notification with the AWS SDK.", Map.of(
            Family.PYTHON, new Blueprint.Code("lambda_function.lambda_handler", Map.of("lambda_function.py", """
                    import urllib.parse

                    import boto3

                    s3 = boto3.client("s3")


                    def lambda_handler(event, context):
                        processed = []
                        for record in event.get("Records", []):
                            bucket = record["s3"]["bucket"]["name"]
                            key = urllib.parse.unquote_plus(record["s3"]["object"]["key"])
                            obj = s3.get_object(Bucket=bucket, Key=key)
                            size = obj["ContentLength"]
                            print(f"{record['eventName']}: s3://{bucket}/{key} ({size} bytes, {obj.get('ContentType')})")
                            processed.append({"object": f"{bucket}/{key}", "size": size})
                        return {"processed": processed}
                    """)),
            Family.NODE, new Blueprint.Code("index.handler", Map.of("index.mjs", """
                    import { S3Client, GetObjectCommand } from '@aws-sdk/client-s3';

                    const s3 = new S3Client({});

                    export const handler = async (event) => {
                      const processed = [];
                      for (const r of event.Records ?? []) {
                        const bucket = r.s3.bucket.name;
                        const key = decodeURIComponent(r.s3.object.key.replace(/\\+/g, ' '));
                        const obj = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
                        console.log(`${r.eventName}: s3://${bucket}/${key} (${obj.ContentLength} bytes, ${obj.ContentType})`);
                        processed.push({ object: `${bucket}/${key}`, size: obj.ContentLength });
                      }
                      return { processed };
                    };
                    """))));

    public static final Blueprint API_BACKEND = new Blueprint("api-gateway-backend", "API Gateway backend",
            "Answers API Gateway proxy requests; GET ?id=N reads order N from an S3 bucket.", Map.of(
            Family.PYTHON, new Blueprint.Code("lambda_function.lambda_handler", Map.of("lambda_function.py", """
                    import json
                    import os

                    import boto3

                    s3 = boto3.client("s3")
                    BUCKET = os.environ.get("ORDERS_BUCKET", "orders")


                    def lambda_handler(event, context):
                        method = event.get("httpMethod") or event.get("requestContext", {}).get("http", {}).get("method")
                        path = event.get("path") or event.get("rawPath")
                        order_id = (event.get("queryStringParameters") or {}).get("id")
                        body, status = {"message": f"{method} {path}"}, 200
                        if order_id:
                            try:
                                obj = s3.get_object(Bucket=BUCKET, Key=f"orders/{order_id}.json")
                                body["order"] = json.loads(obj["Body"].read())
                            except s3.exceptions.NoSuchKey:
                                status, body["error"] = 404, f"no order {order_id}"
                        return {"statusCode": status, "headers": {"Content-Type": "application/json"}, "body": json.dumps(body)}
                    """)),
            Family.NODE, new Blueprint.Code("index.handler", Map.of("index.mjs", """
                    import { S3Client, GetObjectCommand } from '@aws-sdk/client-s3';

                    const s3 = new S3Client({});
                    const BUCKET = process.env.ORDERS_BUCKET ?? 'orders';

                    export const handler = async (event) => {
                      const method = event.httpMethod ?? event.requestContext?.http?.method;
                      const path = event.path ?? event.rawPath;
                      const id = event.queryStringParameters?.id;
                      const body = { message: `${method} ${path}` };
                      let statusCode = 200;
                      if (id) {
                        try {
                          const obj = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: `orders/${id}.json` }));
                          body.order = JSON.parse(await obj.Body.transformToString());
                        } catch (e) {
                          if (e.name !== 'NoSuchKey') throw e;
                          statusCode = 404;
                          body.error = `no order ${id}`;
                        }
                      }
                      return { statusCode, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) };
                    };
                    """))));

    public static final Blueprint SQS_BATCH = new Blueprint("sqs-batch-partial-failures", "SQS batch with partial failures",
            "Stores each order of an SQS batch in an S3 bucket; reports the failed ones for a retry.", Map.of(
            Family.PYTHON, new Blueprint.Code("lambda_function.lambda_handler", Map.of("lambda_function.py", """
                    import json
                    import os

                    import boto3

                    s3 = boto3.client("s3")
                    BUCKET = os.environ.get("ORDERS_BUCKET", "orders")


                    def lambda_handler(event, context):
                        failures = []
                        for message in event.get("Records", []):
                            try:
                                order = json.loads(message["body"])
                                key = f"orders/{order['id']}.json"
                                s3.put_object(Bucket=BUCKET, Key=key, Body=json.dumps(order), ContentType="application/json")
                                print(f"stored order {order['id']} in s3://{BUCKET}/{key}")
                            except Exception as e:
                                print(f"failed {message['messageId']}: {e}")
                                failures.append({"itemIdentifier": message["messageId"]})
                        return {"batchItemFailures": failures}
                    """)),
            Family.NODE, new Blueprint.Code("index.handler", Map.of("index.mjs", """
                    import { S3Client, PutObjectCommand } from '@aws-sdk/client-s3';

                    const s3 = new S3Client({});
                    const BUCKET = process.env.ORDERS_BUCKET ?? 'orders';

                    export const handler = async (event) => {
                      const batchItemFailures = [];
                      for (const message of event.Records ?? []) {
                        try {
                          const order = JSON.parse(message.body);
                          const key = `orders/${order.id}.json`;
                          await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: JSON.stringify(order),
                            ContentType: 'application/json' }));
                          console.log(`stored order ${order.id} in s3://${BUCKET}/${key}`);
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
