# Shared by the learning cmdlets' *.Tests.ps1 files (dot-source it after TestSupport.ps1).
# The standalone emulator runs with its demo data (courses such as INDUCT, GDPR, FIRE); these
# helpers make fresh users and goals through the module itself, so tests never share state.

function New-LearningTestUser {
    <# Creates a user with a unique username through New-TotaraUser and returns it. #>
    param([string] $Prefix = 'pester', [string] $Department = 'Pester')
    $name = '{0}{1}' -f $Prefix, [guid]::NewGuid().ToString('N').Substring(0, 10)
    New-TotaraUser -Username $name -FirstName 'Pester' -LastName $Prefix -Email "$name@example.com" -IdNumber "ID-$name" `
        -Department $Department -GeneratePassword -ErrorAction Stop
}

function New-LearningTestGoal {
    <# Creates a goal for the user with a unique id_number and returns it. #>
    param([Parameter(Mandatory)] $User, [string] $Name = 'Pester goal')
    New-TotaraGoal -User $User -Name $Name -IdNumber ('PESTER-' + [guid]::NewGuid().ToString('N').Substring(0, 12)) `
        -TargetDate ([datetime]::Today.AddMonths(3)) -ErrorAction Stop
}
