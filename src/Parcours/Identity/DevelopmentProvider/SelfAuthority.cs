using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Parcours.Identity.DevelopmentProvider;

/// <summary>
/// The address Parcours answers on, which is the authority when it serves its own development
/// provider. Known only once the server listens (tests bind a free port), so read lazily:
/// authentication options are built on the first request.
/// </summary>
public sealed class SelfAuthority(IServer server)
{
    private readonly Lazy<Uri> _value = new(() => Resolve(server));

    public Uri Value => _value.Value;

    private static Uri Resolve(IServer server)
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var candidates = addresses.Select(Browsable).OfType<Uri>().ToList();
        // A browser on this machine reaches a loopback address; prefer plain http there (no certificate to trust).
        return candidates.FirstOrDefault(u => u.IsLoopback && u.Scheme == Uri.UriSchemeHttp)
               ?? candidates.FirstOrDefault()
               ?? new Uri("http://localhost/");
    }

    /// <summary>"http://+:5000", "http://0.0.0.0:5000" and "http://[::]:5000" are reached as localhost.</summary>
    private static Uri? Browsable(string address)
    {
        var normalised = address.Replace("://+", "://localhost").Replace("://*", "://localhost")
            .Replace("://0.0.0.0", "://localhost").Replace("://[::]", "://localhost");
        return Uri.TryCreate(normalised, UriKind.Absolute, out var uri) ? new Uri(uri.GetLeftPart(UriPartial.Authority) + "/") : null;
    }
}
