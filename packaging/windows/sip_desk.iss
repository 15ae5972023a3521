; Inno Setup script for municipal Windows PCs: per-user install, no admin rights needed.
; Build the PyInstaller folder first (pyinstaller packaging/sip_desk.spec), then:
;   iscc /DAppVersion=0.1.0 packaging\windows\sip_desk.iss
#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif

[Setup]
AppId={{7E1A2C55-5B7B-4C8B-9A0E-51D3C1F0A6B2}
AppName=SIP Desk
AppVersion={#AppVersion}
AppPublisher=SIP Desk
DefaultDirName={localappdata}\Programs\SIP Desk
DefaultGroupName=SIP Desk
PrivilegesRequired=lowest
OutputBaseFilename=sip-desk-{#AppVersion}-setup
Compression=lzma2
SolidCompression=yes
WizardStyle=modern

[Languages]
Name: "swedish"; MessagesFile: "compiler:Languages\Swedish.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Files]
Source: "..\..\dist\sip-desk-{#AppVersion}\*"; DestDir: "{app}"; Flags: recursesubdirs ignoreversion

[Icons]
Name: "{group}\SIP Desk"; Filename: "{app}\sip-desk.exe"
Name: "{userdesktop}\SIP Desk"; Filename: "{app}\sip-desk.exe"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"

[Run]
Filename: "{app}\sip-desk.exe"; Description: "{cm:LaunchProgram,SIP Desk}"; Flags: nowait postinstall skipifsilent
