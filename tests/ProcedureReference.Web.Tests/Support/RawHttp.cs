using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ProcedureReference.Web.Tests.Support;

/// <summary>
/// Sends a request exactly as written, over a socket: HttpClient would resolve dot segments in the path, refuse
/// control characters in headers and re-escape what it likes, which is not what an attacker's client does.
/// </summary>
public static class RawHttp
{
    /// <param name="from">The client's address (any of 127.0.0.0/8 on Linux), to be another client to the server.</param>
    public static async Task<RawResponse> SendAsync(Uri server, string target, string method = "GET",
        IEnumerable<(string Name, string Value)>? headers = null, string? body = null, IPAddress? from = null)
    {
        var request = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"{method} {target} HTTP/1.1\r\nHost: {server.Authority}\r\nConnection: close\r\n");
        foreach (var (name, value) in headers ?? []) request.Append(CultureInfo.InvariantCulture, $"{name}: {value}\r\n");
        if (body is not null) request.Append(CultureInfo.InvariantCulture, $"Content-Length: {Encoding.UTF8.GetByteCount(body)}\r\n");
        request.Append("\r\n").Append(body);

        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2)); // bounds a hang only
        using var tcp = from is null ? new TcpClient() : new TcpClient(new IPEndPoint(from, 0));
        await tcp.ConnectAsync(server.Host, server.Port, timeout.Token);
        var stream = tcp.GetStream();
        try
        {
            await stream.WriteAsync(Encoding.UTF8.GetBytes(request.ToString()), timeout.Token);
        }
        catch (IOException)
        {
            // The server may answer and close before reading all of an oversized request: read what it said.
        }
        using var response = new MemoryStream();
        try
        {
            await stream.CopyToAsync(response, timeout.Token);
        }
        catch (IOException) when (response.Length > 0)
        {
            // A reset after the answer was sent.
        }
        return RawResponse.Parse(response.ToArray());
    }
}

/// <summary>A parsed HTTP/1.1 response: status, headers in order, and the body (de-chunked) as UTF-8.</summary>
public sealed record RawResponse(int Status, IReadOnlyList<(string Name, string Value)> Headers, string Body)
{
    public IEnumerable<string> Values(string name) =>
        Headers.Where(h => string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value);

    public string? Header(string name) => Values(name).FirstOrDefault();

    public static RawResponse Parse(byte[] data)
    {
        var end = data.AsSpan().IndexOf("\r\n\r\n"u8);
        if (end < 0) throw new InvalidDataException($"no complete response head in {data.Length} bytes: {Encoding.Latin1.GetString(data)}");
        var lines = Encoding.Latin1.GetString(data, 0, end).Split("\r\n");
        var status = int.Parse(lines[0].Split(' ')[1], CultureInfo.InvariantCulture);
        var headers = lines.Skip(1).Select(line => (line[..line.IndexOf(':', StringComparison.Ordinal)].Trim(), line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim())).ToList();
        var body = data.AsSpan(end + 4).ToArray();
        if (headers.Any(h => h.Item1.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase) && h.Item2.Contains("chunked", StringComparison.OrdinalIgnoreCase)))
            body = Dechunk(body);
        return new RawResponse(status, headers, Encoding.UTF8.GetString(body));
    }

    private static byte[] Dechunk(byte[] chunked)
    {
        using var body = new MemoryStream();
        var at = 0;
        while (at < chunked.Length)
        {
            var lineEnd = chunked.AsSpan(at).IndexOf("\r\n"u8);
            var size = int.Parse(Encoding.ASCII.GetString(chunked, at, lineEnd).Split(';')[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            if (size == 0) break;
            body.Write(chunked, at + lineEnd + 2, size);
            at += lineEnd + 2 + size + 2;
        }
        return body.ToArray();
    }
}
