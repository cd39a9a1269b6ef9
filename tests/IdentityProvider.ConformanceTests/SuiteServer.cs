using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace IdentityProvider.ConformanceTests;

/// <summary>
/// The suite's own web server on loopback (HTTPS, like the suite's): its redirect and post-logout addresses record
/// every request that reaches them as a <see cref="Callback"/>, as the suite records its callback, and its start
/// page is where the browser is sent on from.
/// </summary>
public sealed class SuiteServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly Channel<Callback> callbacks = Channel.CreateUnbounded<Callback>();

    private SuiteServer(WebApplication app, Uri baseAddress)
    {
        this.app = app;
        Base = baseAddress;
    }

    /// <summary>The suite's base address for a test plan, <c>https://127.0.0.1:port/test/a/idp/</c>.</summary>
    public Uri Base { get; }

    public string RedirectUri => new Uri(Base, "callback").ToString();

    public string PostLogoutRedirectUri => new Uri(Base, "post_logout_redirect").ToString();

    /// <summary>The suite's page from which it sends the browser on.</summary>
    public string StartPage => new Uri(Base, "start").ToString();

    public static async Task<SuiteServer> StartAsync(X509Certificate2 certificate)
    {
        var port = Testing.FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(options => options.Listen(IPAddress.Loopback, port, listen => listen.UseHttps(certificate)));
        var app = builder.Build();
        var server = new SuiteServer(app, new Uri($"https://127.0.0.1:{port}/test/a/idp/"));
        app.MapGet("/test/a/idp/start", () => Results.Content("<!doctype html><title>suite</title>", "text/html"));
        app.MapMethods("/test/a/idp/{**rest}", [HttpMethods.Get, HttpMethods.Post], server.RecordAsync);
        await app.StartAsync();
        return server;
    }

    /// <summary>The next request to the suite's addresses, or null when none came within <paramref name="limit"/>.</summary>
    public async Task<Callback?> NextAsync(TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            return await callbacks.Reader.ReadAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>A request already recorded, without waiting.</summary>
    public Callback? Received() => callbacks.Reader.TryRead(out var callback) ? callback : null;

    /// <summary>Forgets what earlier runs left behind.</summary>
    public void Clear()
    {
        while (callbacks.Reader.TryRead(out _))
        {
        }
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    private async Task RecordAsync(HttpContext context)
    {
        var request = context.Request;
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync();
        var url = new Uri($"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}{request.QueryString}");
        callbacks.Writer.TryWrite(new Callback(request.Method, url, request.ContentType, body));
        context.Response.ContentType = "text/html";
        await context.Response.WriteAsync("<!doctype html><title>suite callback</title><p>Callback received.</p>");
    }

}
