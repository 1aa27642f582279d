using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using ZhijiangLive.Silo.Grpc;

namespace ZhijiangLive.Silo.Hosting;

/// <summary>
/// Kestrel listens twice: on <c>Urls</c> for HTTP/1.1 and HTTP/2 (the JSON API, later the dashboard) and on
/// <c>Zhijiang:Grpc:Url</c> for gRPC, HTTP/2 only. Explicit endpoints make Kestrel ignore <c>Urls</c>, so
/// both are bound here from configuration.
/// </summary>
public static class EndpointHosting
{
    public static WebApplicationBuilder AddSiloEndpoints(this WebApplicationBuilder builder)
    {
        var grpc = builder.Configuration.GetSection(GrpcServerOptions.Section).Get<GrpcServerOptions>() ?? new GrpcServerOptions();
        var httpUrls = (builder.Configuration["Urls"] ?? "http://localhost:5080")
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var limits = builder.Configuration.GetSection(KestrelLimits.Section).Get<KestrelLimits>() ?? new KestrelLimits();
        var endpoint = new GrpcEndpoint();
        // The URLs are bound explicitly below, as Kestrel must when it has more than one kind of endpoint;
        // its warning that explicit endpoints override Urls says only that.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Server.Kestrel", LogLevel.Error);
        builder.Services.AddSingleton(grpc);
        builder.Services.AddSingleton(endpoint);
        builder.Services.AddSingleton(limits);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            limits.ApplyTo(kestrel);
            foreach (var url in httpUrls)
            {
                // HTTP/2 without TLS needs prior knowledge, which browsers lack: cleartext API stays HTTP/1.1.
                Listen(kestrel, url, grpc, (listen, tls) => listen.Protocols = tls ? HttpProtocols.Http1AndHttp2 : HttpProtocols.Http1);
            }
            Listen(kestrel, grpc.Url, grpc, (listen, tls) =>
            {
                listen.Protocols = HttpProtocols.Http2;
                endpoint.Attach(listen, tls);
            });
        });
        return builder;
    }

    /// <summary>Binds <paramref name="url"/>; <paramref name="configure"/> learns whether it is TLS (<c>https://</c>).</summary>
    private static void Listen(KestrelServerOptions kestrel, string url, GrpcServerOptions grpc, Action<ListenOptions, bool> configure)
    {
        var address = BindingAddress.Parse(url);
        var tls = address.Scheme == "https";
        Action<ListenOptions> withScheme = listen =>
        {
            configure(listen, tls);
            if (tls)
            {
                if (string.IsNullOrEmpty(grpc.CertificatePath))
                {
                    throw new InvalidOperationException($"'{url}' is https: set Zhijiang:Grpc:CertificatePath to a PFX certificate");
                }
                listen.UseHttps(grpc.CertificatePath, grpc.CertificatePassword);
            }
        };
        if (address.Host == "localhost")
        {
            kestrel.ListenLocalhost(address.Port, withScheme);
        }
        else if (address.Host is "*" or "+" or "0.0.0.0" or "[::]")
        {
            kestrel.ListenAnyIP(address.Port, withScheme);
        }
        else if (IPAddress.TryParse(address.Host.Trim('[', ']'), out var ip))
        {
            kestrel.Listen(ip, address.Port, withScheme);
        }
        else
        {
            throw new InvalidOperationException($"cannot listen on '{url}': the host must be localhost, an IP address or *");
        }
    }
}
