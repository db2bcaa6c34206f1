import { counts, file, type CorpusCase } from './corpus-case';

/** Exports in each of our users' languages, encodings and Excel locales. */

export const catalanCase: CorpusCase = {
  name: 'Catalan, UTF-8 without BOM, comma, LF',
  fileName: 'clients-catalunya.csv',
  bytes: file(
    [
      'Nom,Cognoms,Correu electrònic,Població',
      'Jordi,Puig i Cadafalch,jordi@exemple.cat,Barcelona',
      'Núria,Espert,nuria@exemple.cat,Lleida',
      'Àngel,Guimerà,ANGEL@exemple.cat,Girona',
      'Mercè,Rodoreda,mercè@@exemple,Sant Cugat',
      'Pere,Calders,,Terrassa',
      'Joan,Miró, angel@EXEMPLE.cat ,Palma',
    ],
    '\n',
    'utf-8',
  ),
  expected: {
    encoding: 'utf-8',
    hasBom: false,
    delimiter: ',',
    columns: ['Nom', 'Cognoms', 'Correu electrònic', 'Població'],
    emailColumn: 'Correu electrònic',
    counts: counts({ rows: 6, valid: 3, invalid: 1, blank: 1, duplicates: 1 }),
    problems: [
      { kind: 'invalid-email', line: 5, value: 'mercè@@exemple' },
      { kind: 'blank-email', line: 6 },
      { kind: 'duplicate-email', line: 7, value: 'angel@EXEMPLE.cat', firstLine: 4 },
    ],
    rows: { 2: ['Àngel', 'Guimerà', 'ANGEL@exemple.cat', 'Girona'] },
    standard: { FirstName: 'Nom', LastName: 'Cognoms', MailingCity: 'Població' },
  },
};

export const europeanExcelCase: CorpusCase = {
  name: 'Spanish Excel, UTF-8 BOM before the email header, semicolons with decimal commas, CRLF',
  fileName: 'segmento-clientes.csv',
  bytes: file(
    [
      'Email;Nombre;Apellidos;Importe;Ciudad',
      'ana@ejemplo.es;Ana;Muñoz Peña;12,50;Málaga',
      'josé@ejemplo.es;José;Gómez;1.234,00;Córdoba',
      'luis@ejemplo;Luis;Ibáñez;0,99;Logroño',
      '  ANA@EJEMPLO.ES ;Ana;Muñoz;3,10;Málaga',
      'maria@ejemplo.es;María;Núñez;"7,25";A Coruña',
    ],
    '\r\n',
    'utf-8-bom',
  ),
  expected: {
    encoding: 'utf-8',
    hasBom: true,
    delimiter: ';',
    columns: ['Email', 'Nombre', 'Apellidos', 'Importe', 'Ciudad'],
    emailColumn: 'Email',
    counts: counts({ rows: 5, valid: 3, invalid: 1, duplicates: 1 }),
    problems: [
      { kind: 'invalid-email', line: 4, value: 'luis@ejemplo' },
      { kind: 'duplicate-email', line: 5, value: 'ANA@EJEMPLO.ES', firstLine: 2 },
    ],
    rows: {
      0: ['ana@ejemplo.es', 'Ana', 'Muñoz Peña', '12,50', 'Málaga'],
      4: ['maria@ejemplo.es', 'María', 'Núñez', '7,25', 'A Coruña'],
    },
    standard: { FirstName: 'Nombre', LastName: 'Apellidos', MailingCity: 'Ciudad' },
  },
};

export const germanUnicodeTextCase: CorpusCase = {
  name: 'German, Excel "Unicode text": UTF-16 LE with BOM, tab, CRLF',
  fileName: 'kunden.txt',
  bytes: file(
    [
      'Anrede\tVorname\tNachname\tE-Mail-Adresse\tOrt',
      'Herr\tJürgen\tMüller\tjuergen.mueller@beispiel.de\tMünchen',
      'Frau\tKäthe\tGroß\tkaethe@beispiel.de\tKöln',
      'Herr\tBjörn\tWeiß\t\tDüsseldorf',
      'Frau\tSören\tÖztürk\tsoeren@beispiel.de\tNürnberg',
    ],
    '\r\n',
    'utf-16le-bom',
  ),
  expected: {
    encoding: 'utf-16le',
    hasBom: true,
    delimiter: '\t',
    columns: ['Anrede', 'Vorname', 'Nachname', 'E-Mail-Adresse', 'Ort'],
    emailColumn: 'E-Mail-Adresse',
    counts: counts({ rows: 4, valid: 3, blank: 1 }),
    problems: [{ kind: 'blank-email', line: 4 }],
    rows: { 1: ['Frau', 'Käthe', 'Groß', 'kaethe@beispiel.de', 'Köln'] },
    standard: {
      Salutation: 'Anrede',
      FirstName: 'Vorname',
      LastName: 'Nachname',
      MailingCity: 'Ort',
    },
  },
};

export const frenchUtf16BeCase: CorpusCase = {
  name: 'French, UTF-16 BE with BOM, comma, LF',
  fileName: 'contacts-france.csv',
  bytes: file(
    [
      'Prénom,Nom,Courriel,Ville',
      'Amélie,Poulain,amelie@exemple.fr,Paris',
      'François,Pérignon,"francois@exemple.fr",Épernay',
      'Hélène,Bœuf,helene@exemple,Besançon',
      'Gaël,Lefèvre,GAEL@exemple.fr,Aix-en-Provence',
      'Zoé,Çava,gael@exemple.fr,Nîmes',
    ],
    '\n',
    'utf-16be-bom',
  ),
  expected: {
    encoding: 'utf-16be',
    hasBom: true,
    delimiter: ',',
    columns: ['Prénom', 'Nom', 'Courriel', 'Ville'],
    emailColumn: 'Courriel',
    counts: counts({ rows: 5, valid: 3, invalid: 1, duplicates: 1 }),
    problems: [
      { kind: 'invalid-email', line: 4, value: 'helene@exemple' },
      { kind: 'duplicate-email', line: 6, value: 'gael@exemple.fr', firstLine: 5 },
    ],
    rows: { 2: ['Hélène', 'Bœuf', 'helene@exemple', 'Besançon'] },
    standard: { FirstName: 'Prénom', LastName: 'Nom', MailingCity: 'Ville' },
  },
};

export const windows1252Case: CorpusCase = {
  name: 'Spanish, Windows-1252 (euro sign, curly quotes, en dash), semicolon, CRLF',
  fileName: 'exportacion-crm.csv',
  bytes: file(
    [
      'Correo electrónico;Nombre;Apellidos;Importe;Comentario',
      'ñandú@ejemplo.es;Íñigo;Ibáñez;15,00 €;“Muy bien”',
      'pilar@ejemplo.es;Pilar;Peñalver;7,50 €;Cliente – VIP',
      'no es un correo;Begoña;Zúñiga;1,00 €;',
    ],
    '\r\n',
    'windows-1252',
  ),
  expected: {
    encoding: 'windows-1252',
    hasBom: false,
    delimiter: ';',
    columns: ['Correo electrónico', 'Nombre', 'Apellidos', 'Importe', 'Comentario'],
    emailColumn: 'Correo electrónico',
    counts: counts({ rows: 3, valid: 2, invalid: 1 }),
    problems: [{ kind: 'invalid-email', line: 4, value: 'no es un correo' }],
    rows: {
      0: ['ñandú@ejemplo.es', 'Íñigo', 'Ibáñez', '15,00 €', '“Muy bien”'],
      1: ['pilar@ejemplo.es', 'Pilar', 'Peñalver', '7,50 €', 'Cliente – VIP'],
    },
    standard: { FirstName: 'Nombre', LastName: 'Apellidos' },
  },
};
