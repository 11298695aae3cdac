// A custom runtime as a compiled binary: talks to the Runtime API with the standard library only.
// Build: rustc -O -o bootstrap main.rs
use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;

fn exchange(stream: &mut TcpStream, reader: &mut BufReader<TcpStream>, method: &str, path: &str, host: &str,
            body: &[u8]) -> (u16, HashMap<String, String>, Vec<u8>) {
    let head = format!("{} {} HTTP/1.1\r\nHost: {}\r\nContent-Length: {}\r\n\r\n", method, path, host, body.len());
    stream.write_all(head.as_bytes()).unwrap();
    stream.write_all(body).unwrap();
    let mut status_line = String::new();
    reader.read_line(&mut status_line).unwrap();
    let status: u16 = status_line.split_whitespace().nth(1).unwrap().parse().unwrap();
    let mut headers = HashMap::new();
    loop {
        let mut line = String::new();
        reader.read_line(&mut line).unwrap();
        let line = line.trim_end();
        if line.is_empty() { break; }
        if let Some((k, v)) = line.split_once(':') {
            headers.insert(k.trim().to_ascii_lowercase(), v.trim().to_string());
        }
    }
    let len: usize = headers.get("content-length").map(|v| v.parse().unwrap()).unwrap_or(0);
    let mut body = vec![0u8; len];
    reader.read_exact(&mut body).unwrap();
    (status, headers, body)
}

fn main() {
    let api = std::env::var("AWS_LAMBDA_RUNTIME_API").expect("AWS_LAMBDA_RUNTIME_API");
    let mut stream = TcpStream::connect(&api).unwrap();
    stream.set_nodelay(true).unwrap();
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    loop {
        let (_, headers, event) = exchange(&mut stream, &mut reader, "GET", "/2018-06-01/runtime/invocation/next", &api, b"");
        let id = headers.get("lambda-runtime-aws-request-id").cloned().unwrap_or_default();
        let deadline = headers.get("lambda-runtime-deadline-ms").cloned().unwrap_or_default();
        println!("rust handling {}", id);
        let reply = format!("{{\"runtime\":\"rust\",\"event\":{},\"deadlineMs\":{}}}", String::from_utf8_lossy(&event), deadline);
        std::io::stdout().flush().unwrap();
        let path = format!("/2018-06-01/runtime/invocation/{}/response", id);
        exchange(&mut stream, &mut reader, "POST", &path, &api, reply.as_bytes());
    }
}
