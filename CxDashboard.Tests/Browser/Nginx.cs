using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace CxDashboard.Tests.Browser;

/// <summary>
/// Debian's nginx running the deployment's own site file, docs/deploy/nginx.conf, with only what differs on
/// a test machine replaced: the instances' addresses, the listening ports and the TLS certificate. A change
/// to the file that breaks one of these replacements fails the test, so the two cannot drift apart.
/// </summary>
public sealed class Nginx : IDisposable
{
    public const string ExecutablePath = "/usr/sbin/nginx";

    private readonly Process _process;
    private readonly string _folder;

    private Nginx(Process process, string folder, int httpsPort)
    {
        _process = process;
        _folder = folder;
        HttpsPort = httpsPort;
    }

    public int HttpsPort { get; }

    public static string SiteFilePath
    {
        get
        {
            for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            {
                var candidate = Path.Combine(folder.FullName, "docs", "deploy", "nginx.conf");
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
            throw new FileNotFoundException("docs/deploy/nginx.conf was not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>Starts nginx in <paramref name="folder"/> in front of <paramref name="instances"/>, with the certificate's PEM files.</summary>
    public static async Task<Nginx> StartAsync(string folder, IReadOnlyList<Uri> instances, string certificatePem, string keyPem)
    {
        Directory.CreateDirectory(folder);
        var httpPort = FreePort();
        var httpsPort = FreePort();
        var site = File.ReadAllText(SiteFilePath);
        site = Replace(site, @"server 10\.0\.0\.11:8080", $"server {instances[0].Host}:{instances[0].Port}", 1);
        site = Replace(site, @"server 10\.0\.0\.12:8080", $"server {instances[1].Host}:{instances[1].Port}", 1);
        // No IPv6 and no privileged ports here: loopback on free ports.
        site = Replace(site, @"\n\s*listen \[::\]:[^\n]*", "", 2);
        site = Replace(site, @"listen 80;", $"listen 127.0.0.1:{httpPort};", 1);
        site = Replace(site, @"listen 443 ssl", $"listen 127.0.0.1:{httpsPort} ssl", 1);
        site = Replace(site, @"ssl_certificate\s+/etc/ssl/certs/cx\.example\.com\.pem;", $"ssl_certificate {certificatePem};", 1);
        site = Replace(site, @"ssl_certificate_key\s+/etc/ssl/private/cx\.example\.com\.key;", $"ssl_certificate_key {keyPem};", 1);
        File.WriteAllText(Path.Combine(folder, "cxdashboard.conf"), site);

        // What Debian's /etc/nginx/nginx.conf provides around a site, with every path in the test's folder.
        var main = $$"""
            daemon off;
            worker_processes 1;
            pid {{folder}}/nginx.pid;
            error_log {{folder}}/error.log warn;
            events { worker_connections 256; }
            http {
                access_log {{folder}}/access.log;
                client_body_temp_path {{folder}}/body;
                proxy_temp_path {{folder}}/proxy;
                fastcgi_temp_path {{folder}}/fastcgi;
                uwsgi_temp_path {{folder}}/uwsgi;
                scgi_temp_path {{folder}}/scgi;
                include {{folder}}/cxdashboard.conf;
            }
            """;
        var configuration = Path.Combine(folder, "nginx.conf");
        File.WriteAllText(configuration, main);

        var process = Process.Start(new ProcessStartInfo(ExecutablePath)
        {
            ArgumentList = { "-p", folder + "/", "-c", configuration },
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("nginx did not start.");
        var nginx = new Nginx(process, folder, httpsPort);
        await nginx.WaitUntilListeningAsync();
        return nginx;
    }

    private async Task WaitUntilListeningAsync()
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (_process.HasExited)
            {
                var error = File.Exists(Path.Combine(_folder, "error.log")) ? File.ReadAllText(Path.Combine(_folder, "error.log")) : "";
                throw new InvalidOperationException($"nginx stopped at start: {await _process.StandardError.ReadToEndAsync()}{error}");
            }
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, HttpsPort);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }
        throw new TimeoutException($"nginx did not listen on port {HttpsPort} within 10 seconds.");
    }

    /// <summary>What nginx logged as warnings or errors, such as an instance it could not reach.</summary>
    public string ErrorLog => File.Exists(Path.Combine(_folder, "error.log")) ? File.ReadAllText(Path.Combine(_folder, "error.log")) : "";

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
        _process.Dispose();
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string Replace(string text, string pattern, string replacement, int expected)
    {
        var found = Regex.Matches(text, pattern).Count;
        if (found != expected)
        {
            throw new InvalidOperationException(
                $"docs/deploy/nginx.conf changed shape: '{pattern}' is found {found} times where the test expects {expected}; update the test with the file.");
        }
        return Regex.Replace(text, pattern, replacement.Replace("$", "$$", StringComparison.Ordinal));
    }
}
