using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Parcours.Identity;
using Parcours.Identity.SigningIn;

namespace Parcours.Tests.Identity;

public sealed class DevelopmentSignInTests
{
    [Theory]
    [InlineData("Production", null, null, false)]
    [InlineData("Production", "true", null, true)]
    [InlineData("Development", null, null, true)]
    [InlineData("Production", null, "true", true)]
    [InlineData("Development", null, "false", false)]
    public void the_development_provider_is_served_only_on_a_developer_machine_unless_configured(
        string environment, string? embedded, string? setting, bool expected)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Parcours:Embedded"] = embedded,
                ["Parcours:DevelopmentSignIn"] = setting,
            })
            .Build();

        Assert.Equal(expected, DevelopmentSignIn.IsEnabled(configuration, new Environment(environment)));
    }

    [Fact]
    public void a_configured_authority_replaces_the_development_provider()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Parcours:Authority"] = "https://keycloak.calais.example/realms/parcours" })
            .Build();

        var settings = SignInSettings.From(configuration, new Environment("Development"));

        Assert.False(settings.DevelopmentProvider);
        Assert.Equal(("parcours", "parcours"), (settings.ClientId, settings.Audience));
        Assert.Equal(["openid", "profile", "email"], settings.Scopes);
    }

    [Theory]
    [InlineData("http://localhost:5000/", true)]
    [InlineData("http://127.0.0.1:8080/realms/parcours", true)]
    [InlineData("http://keycloak.calais.example/realms/parcours", false)]
    [InlineData("https://auth.agentconnect.gouv.fr/api/v2", false)]
    public void metadata_over_plain_http_only_from_this_machine(string authority, bool allowed) =>
        Assert.Equal(allowed, SignInSettings.IsLoopbackHttp(authority));

    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "Parcours";
        public string ContentRootPath { get; set; } = "/";
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
