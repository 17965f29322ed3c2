#!/usr/bin/env python3
"""Writes bpmn/src/main/resources/bpmn/verification-campaign.bpmn, model and diagram together.

The model is edited here (or in Camunda Modeler, then kept in sync by hand): a generator keeps the
diagram's coordinates consistent with the flows, which hand-written DI rarely is.
"""
import sys

LISTENER = '<camunda:taskListener event="complete" delegateExpression="${campaignTasks}" />'
RETRY = '<camunda:failedJobRetryTimeCycle>R5/PT1M</camunda:failedJobRetryTimeCycle>'

shapes = {}  # id -> (x, y, w, h)
out = []


def task(kind, id, name, x, y, attrs='', ext='', parent=None):
    shapes[id] = (x, y, 100, 80)
    ext_xml = f'<bpmn:extensionElements>{ext}</bpmn:extensionElements>' if ext else ''
    return f'<bpmn:{kind} id="{id}" name="{name}" {attrs}>{ext_xml}{io(id)}</bpmn:{kind}>'


def io(id):
    # bpmnlint does not infer incoming/outgoing from the flows: they are written, filled in at the end
    return '{{io:' + id + '}}'


def user(id, name, groups, x, y):
    return task('userTask', id, name, x, y, f'camunda:candidateGroups="{groups}"', LISTENER)


def service(id, name, expr, x, y, result=None, asynchronous=False):
    attrs = f'camunda:expression="{expr}"'
    if result:
        attrs += f' camunda:resultVariable="{result}"'
    if asynchronous:
        attrs += ' camunda:asyncBefore="true"'
    return task('serviceTask', id, name, x, y, attrs, RETRY if asynchronous else '')


def event(kind, id, name, x, y, inner='', attrs=''):
    shapes[id] = (x, y, 36, 36)
    return f'<bpmn:{kind} id="{id}" name="{name}" {attrs}>{io(id)}{inner}</bpmn:{kind}>'


def gateway(id, name, x, y, default):
    shapes[id] = (x, y, 50, 50)
    return f'<bpmn:exclusiveGateway id="{id}" name="{name}" default="{default}">{io(id)}</bpmn:exclusiveGateway>'


flows = []  # (id, name, source, target, condition, waypoints or None)


def flow(id, source, target, name='', condition=None, waypoints=None):
    flows.append((id, name, source, target, condition, waypoints))
    cond = (f'<bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">{condition}</bpmn:conditionExpression>'
            if condition else '')
    nm = f' name="{name}"' if name else ''
    return f'<bpmn:sequenceFlow id="{id}"{nm} sourceRef="{source}" targetRef="{target}">{cond}</bpmn:sequenceFlow>'


def right(id):
    x, y, w, h = shapes[id]
    return (x + w, y + h / 2)


def left(id):
    x, y, w, h = shapes[id]
    return (x, y + h / 2)


def top(id):
    x, y, w, h = shapes[id]
    return (x + w / 2, y)


def bottom(id):
    x, y, w, h = shapes[id]
    return (x + w / 2, y + h)


KEY = 'execution.processBusinessKey'
COUNTY = '${campaignProcess.countyCode(' + KEY + ')}'
CITY = '${campaignProcess.cityCode(' + KEY + ')}'

# ---- the institution checks, one branch per institution ----
inner = [
    event('startEvent', 'institutionStarted', '机构核查开始 Institution checks start', 580, 252),
    gateway('selfCheckRound', '自查(再)开始 Self-check (again)', 650, 245, 'toSelfCheckTask'),
    user('selfCheck', '机构自查 Self-check', 'archivist-${institution}', 740, 230),
    user('headSignOff', '负责人签认自查 Head signs the self-check off', 'supervisor-${institution}', 890, 230),
    gateway('headDecision', '负责人签认? Signed off by the head?', 1040, 245, 'toDrawSample'),
    service('drawSample', '抽取样本 Draw the sample', '${campaignProcess.drawSample(' + KEY + ', institution)}',
            1130, 230, asynchronous=True),
    user('sampleCheck', '县级抽查 County sample check', 'archivist-' + COUNTY + ',supervisor-' + COUNTY, 1280, 230),
    service('weighSample', '计算差错率 Weigh the sample', '${campaignProcess.weighSample(' + KEY + ', institution)}',
            1430, 230),
    gateway('errorRateTooHigh', '差错率超标? Error rate above the threshold?', 1580, 245, 'samplePassed'),
    event('endEvent', 'institutionPassed', '机构通过 Institution passed', 1690, 252),
]
inner_flows = [
    flow('toSelfCheck', 'institutionStarted', 'selfCheckRound'),
    flow('toSelfCheckTask', 'selfCheckRound', 'selfCheck', '自查 Self-check'),
    flow('toHeadSignOff', 'selfCheck', 'headSignOff'),
    flow('toHeadDecision', 'headSignOff', 'headDecision'),
    flow('toDrawSample', 'headDecision', 'drawSample', '签认 Signed off'),
    flow('returnedByHead', 'headDecision', 'selfCheckRound', '退回自查 Returned to the self-check',
         '${campaignProcess.returnedByHead(' + KEY + ', institution)}',
         [(1065, 295), (1065, 340), (675, 340), (675, 295)]),
    flow('toSampleCheck', 'drawSample', 'sampleCheck'),
    flow('toWeighSample', 'sampleCheck', 'weighSample'),
    flow('toErrorRateGateway', 'weighSample', 'errorRateTooHigh'),
    flow('sampleFailed', 'errorRateTooHigh', 'selfCheckRound', '是, 退回自查 Yes: back to self-check',
         '${campaignProcess.sentBack(' + KEY + ', institution)}',
         [(1605, 245), (1605, 180), (675, 180), (675, 245)]),
    flow('samplePassed', 'errorRateTooHigh', 'institutionPassed', '否 No'),
]
shapes['institutionChecks'] = (560, 140, 1190, 230)
subprocess = ('<bpmn:subProcess id="institutionChecks" name="机构核查 Institution checks">'
              + io('institutionChecks') +
              '<bpmn:multiInstanceLoopCharacteristics '
              'camunda:collection="${campaignProcess.institutionCodes(' + KEY + ')}" '
              'camunda:elementVariable="institution" />'
              + ''.join(inner) + ''.join(inner_flows) + '</bpmn:subProcess>')

# ---- deadline: an event subprocess that fires once, wherever the campaign stands ----
timer = ('<bpmn:timerEventDefinition id="deadlineTimerDefinition">'
         '<bpmn:timeDate xsi:type="bpmn:tFormalExpression">${deadlineAt}</bpmn:timeDate>'
         '</bpmn:timerEventDefinition>')
deadline_inner = [
    event('startEvent', 'deadlineReached', '截止日期已到 Deadline reached', 600, 502, timer, 'isInterrupting="false"'),
    service('markOverdue', '标记逾期 Mark the campaign overdue', '${campaignProcess.markOverdue(' + KEY + ')}', 680, 480),
    user('followUpDeadline', '督办逾期核查 Follow up the overdue campaign', 'supervisor-' + COUNTY, 830, 480),
    event('endEvent', 'deadlineFollowedUp', '已督办 Followed up', 980, 502),
]
deadline_flows = [
    flow('toMarkOverdue', 'deadlineReached', 'markOverdue'),
    flow('toFollowUp', 'markOverdue', 'followUpDeadline'),
    flow('toFollowedUp', 'followUpDeadline', 'deadlineFollowedUp'),
]
shapes['deadlinePassed'] = (560, 430, 500, 150)
event_subprocess = ('<bpmn:subProcess id="deadlinePassed" name="逾期督办 Deadline passed" triggeredByEvent="true">'
                    + ''.join(deadline_inner) + ''.join(deadline_flows) + '</bpmn:subProcess>')

main = [
    event('startEvent', 'campaignStarted', '核查活动开始 Campaign started', 72, 252),
    gateway('checkLoop', '核查下一批 Next batch', 140, 245, 'toCheckBatchTask'),
    service('checkBatch', '规则核查一批档案 Check a batch of records', '${campaignProcess.checkRuleBatch(' + KEY + ')}',
            230, 230, result='checkedInBatch', asynchronous=True),
    gateway('allChecked', '全部档案已核查? All records checked?', 380, 245, 'nextBatch'),
    gateway('institutionRound', '机构核查(再)开始 Institution checks (again)', 470, 245, 'toInstitutionChecks'),
    subprocess,
    user('cityAcceptance', '市级验收 City acceptance', 'supervisor-' + CITY, 1800, 215),
    gateway('acceptedByCity', '验收通过? Accepted by the city?', 1950, 230, 'returnedByCity'),
    user('checkerSignOff', '核对人员签字 Checker sign-off', 'archivist-' + COUNTY + ',supervisor-' + COUNTY, 2050, 215),
    gateway('signOffLoop', '签字下一批 Next sign-off batch', 2200, 230, 'toSignOffBatchTask'),
    service('signOffBatch', '签字一批纸质档案 Sign off a batch of paper files',
            '${campaignProcess.signOffBatch(' + KEY + ')}', 2290, 215, result='signedInBatch', asynchronous=True),
    gateway('allSignedOff', '全部签字完毕? All paper files signed off?', 2440, 230, 'nextSignOffBatch'),
    service('closeCampaign', '结束核查活动 Close the campaign', '${campaignProcess.complete(' + KEY + ')}', 2540, 215),
    event('endEvent', 'campaignCompleted', '核查活动完成 Campaign completed', 2690, 237),
    event_subprocess,
]
main_flows = [
    flow('toCheckBatch', 'campaignStarted', 'checkLoop'),
    flow('toCheckBatchTask', 'checkLoop', 'checkBatch', '核查 Check'),
    flow('toAllChecked', 'checkBatch', 'allChecked'),
    flow('nextBatch', 'allChecked', 'checkLoop', '否 No', None, [(405, 295), (405, 340), (165, 340), (165, 295)]),
    flow('allRecordsChecked', 'allChecked', 'institutionRound', '是 Yes', '${checkedInBatch == 0}'),
    flow('toInstitutionChecks', 'institutionRound', 'institutionChecks', '核查各机构 Check each institution'),
    flow('toCityAcceptance', 'institutionChecks', 'cityAcceptance'),
    flow('toAcceptedGateway', 'cityAcceptance', 'acceptedByCity'),
    flow('acceptedFlow', 'acceptedByCity', 'checkerSignOff', '通过 Accepted',
         '${campaignProcess.accepted(' + KEY + ')}'),
    flow('returnedByCity', 'acceptedByCity', 'institutionRound', '退回 Returned', None,
         [(1975, 230), (1975, 100), (495, 100), (495, 245)]),
    flow('toSignOffBatch', 'checkerSignOff', 'signOffLoop'),
    flow('toSignOffBatchTask', 'signOffLoop', 'signOffBatch', '签字 Sign off'),
    flow('toAllSignedOff', 'signOffBatch', 'allSignedOff'),
    flow('nextSignOffBatch', 'allSignedOff', 'signOffLoop', '否 No', None,
         [(2465, 280), (2465, 330), (2225, 330), (2225, 280)]),
    flow('allPaperSignedOff', 'allSignedOff', 'closeCampaign', '是 Yes', '${signedInBatch == 0}'),
    flow('toCampaignCompleted', 'closeCampaign', 'campaignCompleted'),
]


def waypoints(f):
    id, name, source, target, condition, wps = f
    if wps:
        return wps
    (sx, sy), (tx, ty) = right(source), left(target)
    if abs(sy - ty) < 1:
        return [(sx, sy), (tx, ty)]
    mid = (sx + tx) / 2
    return [(sx, sy), (mid, sy), (mid, ty), (tx, ty)]


di = []
for id, (x, y, w, h) in shapes.items():
    expanded = ' isExpanded="true"' if id in ('institutionChecks', 'deadlinePassed') else ''
    di.append(f'<bpmndi:BPMNShape id="{id}_di" bpmnElement="{id}"{expanded}>'
              f'<dc:Bounds x="{x}" y="{y}" width="{w}" height="{h}" /></bpmndi:BPMNShape>')
for f in flows:
    pts = ''.join(f'<di:waypoint x="{x:g}" y="{y:g}" />' for x, y in waypoints(f))
    di.append(f'<bpmndi:BPMNEdge id="{f[0]}_di" bpmnElement="{f[0]}">{pts}</bpmndi:BPMNEdge>')

xml = f'''<?xml version="1.0" encoding="UTF-8"?>
<!-- Generated by src/tools/campaign_bpmn.py; the logic lives in Java (campaignProcess, campaignTasks). -->
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
  xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"
  xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="verificationCampaignDefinitions"
  targetNamespace="https://dangan.example.org/bpmn" exporter="dangan" exporterVersion="1">
<bpmn:process id="verificationCampaign" name="健康档案清理核查 Verification campaign" isExecutable="true"
  camunda:historyTimeToLive="3650">
{chr(10).join(main)}
{chr(10).join(main_flows)}
</bpmn:process>
<bpmndi:BPMNDiagram id="verificationCampaignDiagram">
<bpmndi:BPMNPlane id="verificationCampaignPlane" bpmnElement="verificationCampaign">
{chr(10).join(di)}
</bpmndi:BPMNPlane>
</bpmndi:BPMNDiagram>
</bpmn:definitions>
'''
for node in shapes:
    refs = ''.join(f'<bpmn:incoming>{f[0]}</bpmn:incoming>' for f in flows if f[3] == node)
    refs += ''.join(f'<bpmn:outgoing>{f[0]}</bpmn:outgoing>' for f in flows if f[2] == node)
    xml = xml.replace('{{io:' + node + '}}', refs)
target = sys.argv[1] if len(sys.argv) > 1 else 'bpmn/src/main/resources/bpmn/verification-campaign.bpmn'
open(target, 'w', encoding='utf-8').write(xml)
