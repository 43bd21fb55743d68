using Parcours.Hosting;

namespace Parcours.Identity;

/// <summary>
/// The development identity provider asks for no password, so it is for a developer's machine
/// only: on with the embedded database or the Development environment, off elsewhere unless
/// <c>Parcours:DevelopmentSignIn</c> says otherwise (and never next to a configured authority).
/// </summary>
public static class DevelopmentSignIn
{
    public static bool IsEnabled(IConfiguration configuration, IHostEnvironment environment) =>
        configuration.GetValue<bool?>("Parcours:DevelopmentSignIn")
        ?? (EmbeddedDatabase.IsEmbedded(configuration) || environment.IsDevelopment());
}
