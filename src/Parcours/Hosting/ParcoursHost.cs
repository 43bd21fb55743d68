using System.Text.Encodings.Web;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using JasperFx;
using JasperFx.Resources;
using JasperFx.Events.Daemon;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Parcours.Demo;
using Parcours.Documents;
using Parcours.Audit;
using Parcours.Committees;
using Parcours.Identity;
using Parcours.Indicators;
using Parcours.Indicators.Facts;
using Parcours.Identity.DevelopmentProvider;
using Parcours.Identity.SigningIn;
using Parcours.Kernel;
using Parcours.Pathways;
using Parcours.People;
using Parcours.People.Searching;
using Parcours.People.Vault;
using Parcours.Permanences;
using Parcours.Privacy.Erasing;
using Parcours.Privacy;
using Parcours.Reference;
using Parcours.Retention;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;
using Parcours.Orientations;
using Weasel.Core;

namespace Parcours.Hosting;

/// <summary>The wiring of the whole application; each module registers its own parts.</summary>
public static class ParcoursHost
{
    public static void AddParcours(this WebApplicationBuilder builder, string connectionString)
    {
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<PersonVault>();
        services.AddAuditTrail(connectionString);
        services.AddPeopleSearch(builder.Configuration, connectionString);

        var pseudonyms = new Pseudonyms(PseudonymKey.Resolve(builder.Configuration, connectionString, "parcours"));
        services.AddSingleton(pseudonyms);
        services.AddMarten(options => ConfigureStore(options, connectionString, pseudonyms))
            .UseLightweightSessions()
            .InitializeWith<ReferenceSeed>()
            .InitializeWith<TemplateSeed>()
            .ApplyAllDatabaseChangesOnStartup()
            .AddAsyncDaemon(builder.Configuration.GetValue("Parcours:DaemonMode", DaemonMode.HotCold))
            .IntegrateWithWolverine();

        builder.Host.UseWolverine(options =>
        {
            options.UseRuntimeCompilation();
            // Handlers and endpoints run from the code pre-generated in Internal/Generated: compiling
            // them at runtime loads Roslyn, about 200 MB of the process' peak memory (benchmarks,
            // goal 7). A handler or endpoint without generated code is still compiled at its first
            // use, and its file written; after changing a handler's signature or the middleware,
            // regenerate: dotnet run --project src/Parcours -- codegen write.
            options.CodeGeneration.TypeLoadMode = JasperFx.CodeGeneration.TypeLoadMode.Auto;
            options.Policies.AutoApplyTransactions();
            // Cascaded and scheduled messages (committee decisions, orientation reminders) are
            // stored in the same transaction as the events that caused them.
            options.Policies.UseDurableLocalQueues();
        });
        services.AddResourceSetupOnStartup();
        services.AddDemoTerritory();
        // Hosted services start in order: the search index backfill comes after the demo seeding,
        // so a fresh demo territory is searchable from the first start.
        services.AddHostedService<IndexBackfill>();
        services.AddOrientations(builder.Configuration);
        services.AddIndicators(builder.Configuration);
        services.AddRetention(builder.Configuration);
        services.AddWolverineHttp();

        services.AddDataProtection().SetApplicationName("Parcours");
        services.AddOptions<KeyManagementOptions>()
            .Configure<IDocumentStore>((options, store) => options.XmlRepository = new MartenXmlRepository(store));

        // Pages are French: accented letters are written as they are, not as HTML entities.
        services.AddWebEncoders(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddProblemDetails(options => options.CustomizeProblemDetails = UnreadableRequest.Translate);
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddOpenApi();

        services.AddParcoursAuthentication(builder.Configuration, builder.Environment);
        services.AddAuthorization();
        services.AddAntiforgery();
        services.AddScoped<CurrentWorkerPageFilter>();
        services.AddScoped<DevelopmentDirectory>();
        services.AddRazorPages(options =>
        {
            options.Conventions.ConfigureFilter(new ServiceFilterAttribute(typeof(CurrentWorkerPageFilter)));
            options.Conventions.AuthorizeFolder("/");
            options.Conventions.AllowAnonymousToPage("/Connexion");
            options.Conventions.AllowAnonymousToFolder("/Connexion");
            options.Conventions.AllowAnonymousToPage("/Deconnexion/Terminee");
            options.Conventions.AllowAnonymousToFolder("/Idp");
            options.Conventions.AddPageRoute("/Admin/Habilitations/Edit", "admin/habilitations/nouvelle");
            options.Conventions.AddPageRoute("/Admin/Structures/Edit", "admin/structures/nouvelle");
        });
    }

    /// <summary>The document store's whole configuration (also used by the benchmark harness to load and rebuild a store).</summary>
    public static void ConfigureStore(StoreOptions options, string connectionString, Pseudonyms pseudonyms)
    {
        options.Connection(connectionString);
        options.DatabaseSchemaName = "parcours";
        options.UseSystemTextJsonForSerialization(EnumStorage.AsString);
        options.ConfigureIdentity().ConfigureReference().ConfigurePeople().ConfigurePathways().ConfigureCommittees().ConfigureOrientations().ConfigureDocuments().ConfigurePermanences().ConfigureRetention().ConfigureIndicators(pseudonyms)
            .ConfigurePrivacy().ConfigureErasure();
    }

    public static void UseParcours(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        // Inside it: pages answer an empty error status with a French page; the API keeps ProblemDetails.
        app.UseWhen(context => !context.Request.Path.StartsWithSegments("/api") && !context.Request.Path.StartsWithSegments("/idp"),
            pages => pages.UseStatusCodePagesWithReExecute("/erreur/{0}"));
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapOpenApi().AllowAnonymous();
        app.MapRazorPages();
        if (app.Services.GetRequiredService<SignInSettings>().DevelopmentProvider) app.MapDevelopmentProvider();
        app.MapWolverineEndpoints(options =>
        {
            // A filter value that cannot be read is refused rather than silently ignored.
            options.RejectUnparseableQueryValues = true;
            options.AddMiddleware(typeof(CurrentWorkerMiddleware),
                chain => chain.Method.Method.GetParameters().Any(p => p.ParameterType == typeof(CurrentWorker)));
            options.AddMiddleware(typeof(PersonLevelGate), chain => PersonLevelGate.Guards(chain.RoutePattern?.RawText));
            options.AddMiddlewareByMessageType(typeof(RequireBodyMiddleware));
        });
    }
}
