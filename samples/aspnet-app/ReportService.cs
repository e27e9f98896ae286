namespace AspNetApp;

public sealed class ReportService
{
    public string Describe()
    {
        // CG1003: the environment name read straight from the process.
        var environment = Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") ?? "Production";

        // CG1001 on a plain variable (switch expression arms).
        var retention = environment switch
        {
            "Production" => 365,
            "Staging" => 7,
            _ => 1,
        };

        // CG1006 via .editorconfig configguard.production_hosts.
        const string Warehouse = "Server=sql01.corp.example;Database=reports;";

#if STAGING
        // CG1004: a staging-only build.
        retention = 0;
#endif
        return $"{environment}: keep {retention} days, warehouse {Warehouse.Length}";
    }
}

public static class ServiceRegistration
{
    // Listed in configguard.composition_root_types: no CG1002 here.
    public static void AddEnvironmentSpecific(IServiceCollection services, IHostEnvironment env)
    {
        if (env.IsProduction()) services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
    }
}
