@{
    RootModule        = 'ConflictModule.dll'
    ModuleVersion     = '1.0.0'
    GUID              = 'b0b6f1b4-2a47-4b52-9b44-6f0c3c9b2f11'
    Author            = 'Totara.PowerShell tests'
    Description       = 'Test module that loads older System.Text.Json, Microsoft.Bcl.AsyncInterfaces, System.Memory, Polly 7 and Polly.Core.'
    PowerShellVersion = '5.1'
    CmdletsToExport   = @('Get-ConflictProbe')
    FunctionsToExport = @()
    AliasesToExport   = @()
    VariablesToExport = @()
}
