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
    return f'<bpmn:{kind} id="{id}" name="{name}" {attrs}>{ext_xml}</bpmn:{kind}>'


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
    return f'<bpmn:{kind} id="{id}" name="{name}" {attrs}>{inner}</bpmn:{kind}>'


def gateway(id, name, x, y, default):
    shapes[id] = (x, y, 50, 50)
    return f'<bpmn:exclusiveGateway id="{id}" name="{name}" default="{default}" />'


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


# ---- the institution checks, one branch per institution ----
inner = [
    event('startEvent', 'institutionStarted', '机构核查开始 Institution checks start', 500, 252),
    user('selfCheck', '机构自查 Self-check', 'archivist-${institution}', 570, 230),
    user('headSignOff', '负责人签认自查 Head signs the self-check off', 'supervisor-${institution}', 720, 230),
    service('drawSample', '抽取样本 Draw the sample', '${campaignProcess.drawSample(campaignId, institution)}',
            870, 230, asynchronous=True),
    user('sampleCheck', '县级抽查 County sample check', 'archivist-${county},supervisor-${county}', 1020, 230),
    service('weighSample', '计算差错率 Weigh the sample', '${campaignProcess.weighSample(campaignId, institution)}',
            1170, 230),
    gateway('errorRateTooHigh', '差错率超标? Error rate above the threshold?', 1320, 245, 'samplePassed'),
    event('endEvent', 'institutionPassed', '机构通过 Institution passed', 1430, 252),
]
inner_flows = [
    flow('toSelfCheck', 'institutionStarted', 'selfCheck'),
    flow('toHeadSignOff', 'selfCheck', 'headSignOff'),
    flow('toDrawSample', 'headSignOff', 'drawSample'),
    flow('toSampleCheck', 'drawSample', 'sampleCheck'),
    flow('toWeighSample', 'sampleCheck', 'weighSample'),
    flow('toErrorRateGateway', 'weighSample', 'errorRateTooHigh'),
    flow('sampleFailed', 'errorRateTooHigh', 'selfCheck', '是, 退回自查 Yes: back to self-check',
         '${campaignProcess.sentBack(campaignId, institution)}',
         [(1345, 245), (1345, 180), (620, 180), (620, 230)]),
    flow('samplePassed', 'errorRateTooHigh', 'institutionPassed', '否 No'),
]
shapes['institutionChecks'] = (480, 140, 1010, 230)
subprocess = ('<bpmn:subProcess id="institutionChecks" name="机构核查 Institution checks">'
              '<bpmn:multiInstanceLoopCharacteristics '
              'camunda:collection="${campaignProcess.institutionCodes(campaignId)}" '
              'camunda:elementVariable="institution" />'
              + ''.join(inner) + ''.join(inner_flows) + '</bpmn:subProcess>')

# ---- deadline: an event subprocess that fires once, wherever the campaign stands ----
timer = ('<bpmn:timerEventDefinition id="deadlineTimerDefinition">'
         '<bpmn:timeDate xsi:type="bpmn:tFormalExpression">${deadlineAt}</bpmn:timeDate>'
         '</bpmn:timerEventDefinition>')
deadline_inner = [
    event('startEvent', 'deadlineReached', '截止日期已到 Deadline reached', 520, 502, timer, 'isInterrupting="false"'),
    service('markOverdue', '标记逾期 Mark the campaign overdue', '${campaignProcess.markOverdue(campaignId)}', 600, 480),
    user('followUpDeadline', '督办逾期核查 Follow up the overdue campaign', 'supervisor-${county}', 750, 480),
    event('endEvent', 'deadlineFollowedUp', '已督办 Followed up', 900, 502),
]
deadline_flows = [
    flow('toMarkOverdue', 'deadlineReached', 'markOverdue'),
    flow('toFollowUp', 'markOverdue', 'followUpDeadline'),
    flow('toFollowedUp', 'followUpDeadline', 'deadlineFollowedUp'),
]
shapes['deadlinePassed'] = (480, 430, 500, 150)
event_subprocess = ('<bpmn:subProcess id="deadlinePassed" name="逾期督办 Deadline passed" triggeredByEvent="true">'
                    + ''.join(deadline_inner) + ''.join(deadline_flows) + '</bpmn:subProcess>')

main = [
    event('startEvent', 'campaignStarted', '核查活动开始 Campaign started', 152, 252),
    service('checkBatch', '规则核查一批档案 Check a batch of records', '${campaignProcess.checkRuleBatch(campaignId)}',
            230, 230, result='checkedInBatch', asynchronous=True),
    gateway('allChecked', '全部档案已核查? All records checked?', 380, 245, 'nextBatch'),
    subprocess,
    user('cityAcceptance', '市级验收 City acceptance', 'supervisor-${city}', 1540, 215),
    gateway('acceptedByCity', '验收通过? Accepted by the city?', 1690, 230, 'returnedByCity'),
    user('checkerSignOff', '核对人员签字 Checker sign-off', 'archivist-${county},supervisor-${county}', 1790, 215),
    service('signOffBatch', '签字一批纸质档案 Sign off a batch of paper files',
            '${campaignProcess.signOffBatch(campaignId)}', 1940, 215, result='signedInBatch', asynchronous=True),
    gateway('allSignedOff', '全部签字完毕? All paper files signed off?', 2090, 230, 'nextSignOffBatch'),
    service('closeCampaign', '结束核查活动 Close the campaign', '${campaignProcess.complete(campaignId)}', 2190, 215),
    event('endEvent', 'campaignCompleted', '核查活动完成 Campaign completed', 2340, 237),
    event_subprocess,
]
main_flows = [
    flow('toCheckBatch', 'campaignStarted', 'checkBatch'),
    flow('toAllChecked', 'checkBatch', 'allChecked'),
    flow('nextBatch', 'allChecked', 'checkBatch', '否 No', None, [(405, 295), (405, 340), (280, 340), (280, 310)]),
    flow('allRecordsChecked', 'allChecked', 'institutionChecks', '是 Yes', '${checkedInBatch == 0}'),
    flow('toCityAcceptance', 'institutionChecks', 'cityAcceptance'),
    flow('toAcceptedGateway', 'cityAcceptance', 'acceptedByCity'),
    flow('acceptedFlow', 'acceptedByCity', 'checkerSignOff', '通过 Accepted', '${campaignProcess.accepted(campaignId)}'),
    flow('returnedByCity', 'acceptedByCity', 'institutionChecks', '退回 Returned', None,
         [(1715, 230), (1715, 100), (985, 100), (985, 140)]),
    flow('toSignOffBatch', 'checkerSignOff', 'signOffBatch'),
    flow('toAllSignedOff', 'signOffBatch', 'allSignedOff'),
    flow('nextSignOffBatch', 'allSignedOff', 'signOffBatch', '否 No', None,
         [(2115, 280), (2115, 330), (1990, 330), (1990, 295)]),
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
target = sys.argv[1] if len(sys.argv) > 1 else 'bpmn/src/main/resources/bpmn/verification-campaign.bpmn'
open(target, 'w', encoding='utf-8').write(xml)
