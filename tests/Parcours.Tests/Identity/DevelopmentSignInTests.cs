using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Parcours.Identity;

namespace Parcours.Tests.Identity;

public sealed class DevelopmentSignInTests
{
    [Theory]
    [InlineData("Production", null, null, false)]
    [InlineData("Production", "true", null, true)]
    [InlineData("Development", null, null, true)]
    [InlineData("Production", null, "true", true)]
    [InlineData("Development", null, "false", false)]
    public void the_password_less_sign_in_is_open_only_on_a_developer_machine_unless_configured(
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

    private sealed class Environment(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;
        public string ApplicationName { get; set; } = "Parcours";
        public string ContentRootPath { get; set; } = "/";
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
