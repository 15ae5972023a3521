; Inno Setup 6 script for SIP Desk on municipal Windows PCs.
;
; Per user by default, without admin rights: {autopf} is %LOCALAPPDATA%\Programs and the Start-menu
; entry goes to the user's own Start menu. "Install for all users" (the dialog, or /ALLUSERS on the
; command line) asks for admin rights and installs to Program Files with an all-users Start-menu entry.
; Silent roll-out: sip-desk-VERSION-setup.exe /VERYSILENT /ALLUSERS (or /CURRENTUSER).
;
; Registers nothing but the uninstall entry Inno Setup itself needs: no file associations, no
; [Registry] entries, no environment changes. Uninstalling removes the program folder and the
; Start-menu entry only. The user's data (stores, backups, logs, settings) lives in the platformdirs
; folder %LOCALAPPDATA%\SIP Desk\sip-desk, which this installer never touches, so it stays.
;
; Build (from the repository root, after `pyinstaller packaging/sip_desk.spec` has written
; dist\sip-desk\sip-desk.exe and sip-desk-gui.exe, the windowed one the shortcut starts):
;   python packaging\windows\build_installer.py
; which passes the version from pyproject.toml:  iscc /DAppVersion=X.Y.Z packaging\windows\sip_desk.iss

#ifndef AppVersion
  #error Pass the version from pyproject.toml: iscc /DAppVersion=X.Y.Z (packaging\windows\build_installer.py does)
#endif

[Setup]
AppId={{7E1A2C55-5B7B-4C8B-9A0E-51D3C1F0A6B2}
AppName=SIP Desk
AppVersion={#AppVersion}
AppVerName=SIP Desk {#AppVersion}
AppPublisher=SIP Desk
DefaultDirName={autopf}\SIP Desk
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog commandline
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
ChangesAssociations=no
ChangesEnvironment=no
CloseApplications=yes
UninstallDisplayIcon={app}\sip-desk-gui.exe
UninstallDisplayName=SIP Desk
OutputDir=..\..\dist
OutputBaseFilename=sip-desk-{#AppVersion}-setup
Compression=lzma2
SolidCompression=yes
WizardStyle=modern

[Languages]
; Swedish is among the translations shipped with current Inno Setup 6 releases; a compiler without it
; builds an English-only installer (and says so).
#if FileExists(AddBackslash(CompilerPath) + "Languages\Swedish.isl")
Name: "swedish"; MessagesFile: "compiler:Languages\Swedish.isl"
#else
  #pragma message "Languages\Swedish.isl not found in the Inno Setup folder: English only"
#endif
Name: "english"; MessagesFile: "compiler:Default.isl"

[InstallDelete]
; An upgrade first removes the old build's libraries, so no file of an older version stays beside the
; new one (the program folder only: the user's data lives elsewhere and is never touched).
Type: filesandordirs; Name: "{app}\_internal"

[Files]
; The PyInstaller one-folder build (name "sip-desk" in packaging/sip_desk.spec).
Source: "..\..\dist\sip-desk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
; The one shortcut: SIP Desk in the Start menu (the user's own, or all users' for a per-machine install).
Name: "{autoprograms}\SIP Desk"; Filename: "{app}\sip-desk-gui.exe"; WorkingDir: "{app}"

[Run]
; A postinstall entry runs as the user who started Setup (not elevated), so a first start after a
; per-machine install makes the data folder in that user's own profile.
Filename: "{app}\sip-desk-gui.exe"; Description: "{cm:LaunchProgram,SIP Desk}"; Flags: nowait postinstall skipifsilent
